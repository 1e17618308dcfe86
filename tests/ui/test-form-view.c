/* test-form-view.c: the schema-driven form, one row per field type
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "zc-attachment-list.h"
#include "zc-field-row.h"
#include "zc-form-validator.h"
#include "zc-form-view.h"
#include "zc-i18n.h"
#include "zc-json.h"
#include "zc-local-store.h"
#include "zc-screenshot.h"
#include "zc-ui-test.h"
#include "zc-title-picker.h"

/* Every field type, with sections, help, required marks and a rule. */
static const char every_type_json[] =
  "{\"id\": \"every-type\", \"kind\": \"archive-category\", \"title\": \"Papers\", \"order\": 1,"
  " \"summary\": [\"name\"],"
  " \"fields\": ["
  "  {\"id\": \"name\", \"type\": \"text\", \"label\": \"Paper title\", \"section\": \"Publication\","
  "   \"required\": true, \"max_length\": 10, \"help\": \"As printed in the journal\"},"
  "  {\"id\": \"issn\", \"type\": \"text\", \"label\": \"ISSN\", \"section\": \"Publication\", \"max_length\": 9,"
  "   \"format\": \"issn\"},"
  "  {\"id\": \"notes\", \"type\": \"long-text\", \"label\": \"Notes\", \"section\": \"Publication\", \"max_length\": 20},"
  "  {\"id\": \"start_on\", \"type\": \"date\", \"label\": \"Start date\", \"section\": \"Period\", \"required\": true,"
  "   \"not_after_today\": true},"
  "  {\"id\": \"end_on\", \"type\": \"date\", \"label\": \"End date\", \"section\": \"Period\"},"
  "  {\"id\": \"month\", \"type\": \"year-month\", \"label\": \"Month\", \"section\": \"Period\"},"
  "  {\"id\": \"year\", \"type\": \"year\", \"label\": \"Assessment year\", \"section\": \"Period\", \"min\": 1950, \"max\": 2100},"
  "  {\"id\": \"words\", \"type\": \"integer\", \"label\": \"Length\", \"min\": 1, \"max\": 1000,"
  "   \"unit\": \"thousand characters\"},"
  "  {\"id\": \"degree\", \"type\": \"enum\", \"label\": \"Degree\", \"dictionary\": \"degrees\"},"
  "  {\"id\": \"indexed_in\", \"type\": \"enum\", \"label\": \"Indexed in\", \"dictionary\": \"journal-indexes\","
  "   \"multiple\": true},"
  "  {\"id\": \"overseas\", \"type\": \"bool\", \"label\": \"Studied abroad\"},"
  "  {\"id\": \"held\", \"type\": \"taxonomy\", \"label\": \"Highest professional title\", \"depth\": \"title\"},"
  "  {\"id\": \"files\", \"type\": \"attachments\", \"label\": \"Attachments\", \"max_count\": 2, \"max_size\": 1000}"
  " ],"
  " \"rules\": [{\"type\": \"date-order\", \"start\": \"start_on\", \"end\": \"end_on\", \"open_end\": true}]}";

typedef struct
{
  char         *dir;
  ZcLocalStore *store;
  ZcFormSchema *schema;
  GtkWindow    *window;
  ZcFormView   *view;
} Fixture;

static ZcFormSchema *
every_type_schema (void)
{
  g_autoptr(JsonNode) node = json_from_string (every_type_json, NULL);
  g_autoptr(GError) error = NULL;
  ZcFormSchema *schema;

  g_assert_nonnull (node);
  schema = zc_form_schema_new_from_json (node, &error);
  g_assert_no_error (error);
  return schema;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("zc-form-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (path, &error);
  g_assert_no_error (error);

  fixture->schema = data != NULL ? zc_form_schema_lookup (data, &error) : every_type_schema ();
  g_assert_no_error (error);
  fixture->view = ZC_FORM_VIEW (zc_form_view_new (fixture->schema, fixture->store));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->schema, zc_form_schema_unref);
  g_assert_finalize_object (fixture->store);
  zc_ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("ZHICHENG_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  gtk_test_widget_wait_for_draw (widget);
  /* scrolling to the focus is animated */
  {
    gint64 end = g_get_monotonic_time () + 400 * 1000;
    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (zc_screenshot_widget (widget, path, &error));
  g_assert_no_error (error);
  if (dir == NULL)
    g_unlink (path);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_type (GtkWidget *root,
            GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? 1 : 0) + count_type (child, type);
  return n;
}

static void
assert_json (JsonObject *object,
             const char *expected)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonNode) want = json_from_string (expected, NULL);
  g_autofree char *got = zc_json_to_string (node);

  g_assert_nonnull (want);
  if (!zc_json_node_equal (node, want))
    g_error ("got %s, expected %s", got, expected);
}

static GtkWidget *
input (Fixture    *fixture,
       const char *field)
{
  ZcFieldRow *row = zc_form_view_get_row (fixture->view, field);

  g_assert_nonnull (row);
  return zc_field_row_get_input (row);
}

static void
set_text (Fixture    *fixture,
          const char *field,
          const char *text)
{
  GtkWidget *widget = input (fixture, field);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The whole row is inside the scrolled area. */
static gboolean
row_in_view (Fixture    *fixture,
             ZcFieldRow *row)
{
  GtkWidget *viewport = find_type (GTK_WIDGET (fixture->view), GTK_TYPE_VIEWPORT);
  double x, y;

  g_assert_nonnull (viewport);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (row), viewport, 0, 0, &x, &y));
  return y >= 0 && y + gtk_widget_get_height (GTK_WIDGET (row)) <= gtk_widget_get_height (viewport);
}

/* The focus is on @widget or inside it (an entry's text). */
static gboolean
has_focus_within (Fixture   *fixture,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_every_type_renders (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct {
    const char *field;
    GType     (*type) (void);
    GtkAccessibleRole role;
  } expected[] = {
    { "name", gtk_entry_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
    { "issn", gtk_entry_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
    { "notes", gtk_text_view_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
    { "start_on", gtk_entry_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
    { "end_on", gtk_entry_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
    { "month", gtk_entry_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
    { "year", gtk_entry_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
    { "words", gtk_spin_button_get_type, GTK_ACCESSIBLE_ROLE_SPIN_BUTTON },
    { "degree", gtk_drop_down_get_type, GTK_ACCESSIBLE_ROLE_COMBO_BOX },
    { "indexed_in", gtk_check_button_get_type, GTK_ACCESSIBLE_ROLE_CHECKBOX },
    { "overseas", gtk_switch_get_type, GTK_ACCESSIBLE_ROLE_SWITCH },
    { "held", zc_title_picker_get_type, 0 },
    { "files", zc_attachment_list_get_type, 0 },
  };
  g_autoptr(JsonObject) empty = NULL;

  g_assert_cmpuint (zc_form_view_get_n_rows (fixture->view), ==, G_N_ELEMENTS (expected));
  g_assert_true (zc_form_view_get_schema (fixture->view) == fixture->schema);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ZcFieldRow *row = zc_form_view_get_nth_row (fixture->view, i);
      GtkWidget *widget = zc_field_row_get_input (row);

      g_assert_cmpstr (zc_field_row_get_field_id (row), ==, expected[i].field);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, expected[i].type ()));
      if (expected[i].role != 0)
        gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), expected[i].role);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "zc-field-row"));
      /* a row is not a Tab stop of its own */
      g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (row)));
    }

  /* every input has an accessible name, the required ones say so */
  gtk_test_accessible_assert_property (input (fixture, "name"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Paper title");
  gtk_test_accessible_assert_property (input (fixture, "name"), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE);
  gtk_test_accessible_assert_property (input (fixture, "issn"), GTK_ACCESSIBLE_PROPERTY_REQUIRED, FALSE);
  gtk_test_accessible_assert_property (input (fixture, "words"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Length");
  gtk_test_accessible_assert_property (input (fixture, "degree"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Degree");
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (input (fixture, "name")),
                                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  {
    GtkWidget *series = zc_title_picker_get_dropdown (ZC_TITLE_PICKER (input (fixture, "held")),
                                                      ZC_TITLE_PICKER_SERIES);
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (series), GTK_ACCESSIBLE_ROLE_COMBO_BOX);
    gtk_test_accessible_assert_property (series, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Highest professional title: Series");
  }

  /* labels, help, the unit, sections as groups, the counter */
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "Paper title"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "As printed in the journal"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "thousand characters"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "Publication"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "Period"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "0/10"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "0/20"));
  g_assert_cmpuint (count_type (GTK_WIDGET (fixture->view), ADW_TYPE_PREFERENCES_GROUP), ==, 3);
  /* required marks: the title and the start */
  g_assert_cmpuint (count_type (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL), >, 20);

  /* an untouched form: only the switch says something */
  empty = zc_form_view_get_record (fixture->view);
  assert_json (empty, "{\"overseas\": false}");
  g_assert_false (zc_form_view_is_modified (fixture->view));
  g_assert_nonnull (zc_field_row_get_to_date_check (zc_form_view_get_row (fixture->view, "end_on")));
  g_assert_null (zc_field_row_get_to_date_check (zc_form_view_get_row (fixture->view, "start_on")));

  save_screenshot (GTK_WIDGET (fixture->window), "form-view-every-type.png");
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char record_json[] =
    "{\"name\": \"配电网\", \"issn\": \"0258-8013\", \"notes\": \"第一行\\n第二行\", \"start_on\": \"2020-09-01\","
    " \"end_on\": \"2021-07-01\", \"month\": \"2021-03\", \"year\": 2020, \"words\": 12, \"degree\": \"2\","
    " \"indexed_in\": [\"sci\", \"ei\"], \"overseas\": true,"
    " \"held\": {\"series\": \"01\", \"category\": \"高校教师\", \"level\": \"中级\", \"title\": \"讲师\","
    "  \"specialty\": \"工学\"},"
    " \"files\": [{\"sha256\": \"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
    "  \"name\": \"a.pdf\", \"mime\": \"application/pdf\", \"size\": 10}]}";
  g_autoptr(JsonObject) record = zc_ui_test_parse_object (record_json);
  g_autoptr(JsonObject) back = NULL;

  zc_form_view_set_record (fixture->view, record);
  back = zc_form_view_get_record (fixture->view);
  assert_json (back, record_json);
  g_assert_false (zc_form_view_is_modified (fixture->view));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    zc_field_row_get_to_date_check (zc_form_view_get_row (fixture->view, "end_on")))));
  g_assert_cmpuint (zc_attachment_list_get_n_files (ZC_ATTACHMENT_LIST (input (fixture, "files"))), ==, 1);
  save_screenshot (GTK_WIDGET (fixture->window), "form-view-filled.png");

  /* a change is a modification; setting again is not */
  set_text (fixture, "name", "配电网改造");
  g_assert_true (zc_form_view_is_modified (fixture->view));
  zc_form_view_set_record (fixture->view, record);
  g_assert_false (zc_form_view_is_modified (fixture->view));

  /* NULL empties everything */
  zc_form_view_set_record (fixture->view, NULL);
  g_clear_pointer (&back, json_object_unref);
  back = zc_form_view_get_record (fixture->view);
  assert_json (back, "{\"overseas\": false}");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    zc_field_row_get_to_date_check (zc_form_view_get_row (fixture->view, "end_on")))));

  /* values of the wrong type still show, so nothing vanishes */
  g_clear_pointer (&record, json_object_unref);
  record = zc_ui_test_parse_object ("{\"name\": 42, \"degree\": \"zz\", \"indexed_in\": \"sci\", \"overseas\": \"yes\"}");
  zc_form_view_set_record (fixture->view, record);
  g_clear_pointer (&back, json_object_unref);
  back = zc_form_view_get_record (fixture->view);
  assert_json (back, "{\"name\": \"42\", \"degree\": \"zz\", \"overseas\": false}");
}

static void
test_tidying (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonObject) record = NULL;
  GtkWidget *year = input (fixture, "year");

  set_text (fixture, "name", "  配电网  ");
  set_text (fixture, "issn", "0258-801x");
  set_text (fixture, "notes", "\n 两行\n文字 \n\n");
  set_text (fixture, "start_on", "２０２０/9/1");
  set_text (fixture, "month", "2021年3月");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (zc_field_row_get_to_date_check (
    zc_form_view_get_row (fixture->view, "end_on"))), FALSE);
  set_text (fixture, "end_on", "2021.7.1");

  /* a year takes digits only, full-width ones too */
  gtk_editable_set_text (GTK_EDITABLE (year), "");
  {
    int position = 0;
    gtk_editable_insert_text (GTK_EDITABLE (year), "2a0２", -1, &position);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "202");
  {
    int position = 3;
    gtk_editable_insert_text (GTK_EDITABLE (year), "19", -1, &position);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "2021");

  record = zc_form_view_get_record (fixture->view);
  assert_json (record, "{\"name\": \"配电网\", \"issn\": \"0258-801X\", \"notes\": \"两行\\n文字\","
                       " \"start_on\": \"2020-09-01\", \"end_on\": \"2021-07-01\", \"month\": \"2021-03\","
                       " \"year\": 2021, \"overseas\": false}");

  /* the counter follows the text, and turns red past the limit */
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "3/10"));
  set_text (fixture, "name", "一二三四五六七八九十十一");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "12/10"));
  g_assert_true (gtk_widget_has_css_class (find_label (GTK_WIDGET (fixture->view), "12/10"), "over"));
}

static void
test_integer_may_be_empty (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (input (fixture, "words"));
  ZcFieldRow *row = zc_form_view_get_row (fixture->view, "words");
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(JsonNode) twelve = json_from_string ("12", NULL);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  g_assert_null (zc_field_row_get_value (row));

  /* typed, not yet entered */
  gtk_editable_set_text (GTK_EDITABLE (spin), "7");
  value = zc_field_row_get_value (row);
  g_assert_cmpint (json_node_get_int (value), ==, 7);
  g_clear_pointer (&value, json_node_unref);

  /* emptied again, and it stays empty when the value is entered */
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  gtk_spin_button_update (spin);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  g_assert_null (zc_field_row_get_value (row));

  /* out of range is held to the range */
  gtk_editable_set_text (GTK_EDITABLE (spin), "5000");
  value = zc_field_row_get_value (row);
  g_assert_cmpint (json_node_get_int (value), ==, 1000);
  g_clear_pointer (&value, json_node_unref);

  zc_field_row_set_value (row, twelve);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "12");
  zc_field_row_set_value (row, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  g_assert_null (zc_field_row_get_value (row));
}

static void
test_errors_next_to_fields (Fixture       *fixture,
                            gconstpointer  data)
{
  ZcFieldRow *name = zc_form_view_get_row (fixture->view, "name");
  ZcFieldRow *start = zc_form_view_get_row (fixture->view, "start_on");
  ZcFieldRow *end = zc_form_view_get_row (fixture->view, "end_on");
  ZcFieldRow *issn = zc_form_view_get_row (fixture->view, "issn");
  ZcFieldRow *notes = zc_form_view_get_row (fixture->view, "notes");

  /* nothing filled: the required fields */
  g_assert_false (zc_form_view_validate (fixture->view));
  g_assert_cmpuint (zc_form_view_get_n_errors (fixture->view), ==, 2);
  g_assert_cmpstr (zc_field_row_get_error (name), ==, "Paper title is required");
  g_assert_cmpstr (zc_field_row_get_error (start), ==, "Start date is required");
  g_assert_null (zc_field_row_get_error (issn));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (issn), "error"));
  g_assert_nonnull (find_label (GTK_WIDGET (name), "Paper title is required"));
  gtk_test_accessible_assert_state (input (fixture, "name"), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  /* the first bad field has the focus */
  g_assert_true (has_focus_within (fixture, input (fixture, "name")));

  /* bad values: each message under its own field */
  set_text (fixture, "name", "一二三四五六七八九十十一");
  set_text (fixture, "issn", "1234-5678");
  set_text (fixture, "notes", "ok");
  set_text (fixture, "start_on", "2020-02-30");
  g_assert_false (zc_form_view_validate (fixture->view));
  g_assert_cmpstr (zc_field_row_get_error (name), ==, "Paper title must be at most 10 characters long");
  g_assert_nonnull (zc_field_row_get_error (issn));
  g_assert_nonnull (zc_field_row_get_error (start));
  g_assert_null (zc_field_row_get_error (notes));
  save_screenshot (GTK_WIDGET (fixture->window), "form-view-errors.png");

  /* editing a field clears its error until the next check */
  set_text (fixture, "name", "配电网");
  g_assert_null (zc_field_row_get_error (name));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
  gtk_test_accessible_assert_state (input (fixture, "name"), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_nonnull (zc_field_row_get_error (issn));

  /* a rule between two fields reports on the end, which gets the focus */
  set_text (fixture, "issn", "0258-8013");
  set_text (fixture, "start_on", "2020-09-01");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (zc_field_row_get_to_date_check (end)), FALSE);
  set_text (fixture, "end_on", "2019-01-01");
  g_assert_false (zc_form_view_validate (fixture->view));
  g_assert_cmpuint (zc_form_view_get_n_errors (fixture->view), ==, 1);
  g_assert_nonnull (zc_field_row_get_error (end));
  g_assert_true (has_focus_within (fixture, input (fixture, "end_on")));

  /* a field far down is scrolled into view, its error included */
  zc_form_view_set_record (fixture->view, NULL);
  set_text (fixture, "name", "配电网");
  set_text (fixture, "start_on", "2020-09-01");
  {
    GtkWidget *picker = input (fixture, "held");
    g_autoptr(JsonNode) odd = json_from_string ("{\"series\": \"01\"}", NULL);
    ZcFieldRow *held = zc_form_view_get_row (fixture->view, "held");

    zc_field_row_set_value (held, odd);
    g_assert_false (zc_form_view_validate (fixture->view));
    g_assert_nonnull (zc_field_row_get_error (held));
    g_assert_true (has_focus_within (fixture, picker));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
    g_assert_true (row_in_view (fixture, held));
    save_screenshot (GTK_WIDGET (fixture->window), "form-view-error-far-down.png");
    g_assert_true (row_in_view (fixture, held));
    zc_field_row_set_value (held, NULL);
  }

  /* all good */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (zc_field_row_get_to_date_check (end)), TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "end_on"))), ==, "");
  g_assert_true (zc_form_view_validate (fixture->view));
  g_assert_cmpuint (zc_form_view_get_n_errors (fixture->view), ==, 0);

  /* errors from elsewhere (the server) go to their fields too */
  {
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);

    g_ptr_array_add (errors, zc_field_error_new ("issn", "invalid_format", "Not this one"));
    g_ptr_array_add (errors, zc_field_error_new ("no_such_field", "unknown_field", "Ignored"));
    zc_form_view_show_errors (fixture->view, errors);
    g_assert_cmpstr (zc_field_row_get_error (issn), ==, "Not this one");
    g_assert_cmpuint (zc_form_view_get_n_errors (fixture->view), ==, 1);
    zc_form_view_clear_errors (fixture->view);
    g_assert_cmpuint (zc_form_view_get_n_errors (fixture->view), ==, 0);
  }
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
test_title_cascade (Fixture       *fixture,
                    gconstpointer  data)
{
  ZcTitlePicker *picker = ZC_TITLE_PICKER (input (fixture, "held"));
  GtkDropDown *drops[ZC_TITLE_PICKER_N_DEPTHS];
  g_autoptr(JsonNode) value = NULL;
  guint changes = 0;

  for (guint d = 0; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    drops[d] = GTK_DROP_DOWN (zc_title_picker_get_dropdown (picker, d));
  g_signal_connect (fixture->view, "changed", G_CALLBACK (count_signal), &changes);

  /* only the series can be chosen at first */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (drops[0])));
  for (guint d = 1; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (drops[d])));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drops[0])), >, 20);

  /* series → category → level → title; each fills the next */
  gtk_drop_down_set_selected (drops[0], 1);   /* the first series in data order: 01 */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (drops[1])));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drops[1])), >=, 2);
  gtk_drop_down_set_selected (drops[1], 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (drops[2])));
  gtk_drop_down_set_selected (drops[2], 2);   /* the second level the category has */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (drops[3])));
  gtk_drop_down_set_selected (drops[3], 1);
  value = zc_title_picker_get_value (picker);
  g_assert_nonnull (value);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (value), "series"), ==, "01");
  g_assert_true (json_object_has_member (json_node_get_object (value), "title"));
  g_assert_cmpuint (changes, ==, 4);

  /* clearing the series resets everything below */
  gtk_drop_down_set_selected (drops[0], 0);
  g_clear_pointer (&value, json_node_unref);
  value = zc_title_picker_get_value (picker);
  g_assert_null (value);
  for (guint d = 1; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    {
      g_assert_cmpuint (gtk_drop_down_get_selected (drops[d]), ==, 0);
      g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (drops[d])));
    }

  /* a typed specialty where the category's list is open */
  {
    g_autoptr(JsonNode) pick = json_from_string ("{\"series\": \"01\", \"category\": \"高校教师\", \"level\": \"中级\","
                                                 " \"title\": \"讲师\", \"specialty\": \"工学\"}", NULL);
    GtkWidget *entry = zc_title_picker_get_specialty_entry (picker);

    zc_title_picker_set_value (picker, pick);
    zc_field_row_focus_input (zc_form_view_get_row (fixture->view, "held"));
    save_screenshot (GTK_WIDGET (fixture->window), "form-view-title-pick.png");
    g_assert_true (gtk_widget_get_visible (entry));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "工学");
    gtk_editable_set_text (GTK_EDITABLE (entry), "  计算机科学  ");
    g_clear_pointer (&value, json_node_unref);
    value = zc_title_picker_get_value (picker);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (value), "specialty"), ==, "计算机科学");
  }

  /* a pick the taxonomy does not know stops where it stops matching */
  {
    g_autoptr(JsonNode) odd = json_from_string ("{\"series\": \"01\", \"category\": \"没有这个类别\"}", NULL);

    zc_title_picker_set_value (picker, odd);
    g_clear_pointer (&value, json_node_unref);
    value = zc_title_picker_get_value (picker);
    g_assert_cmpuint (json_object_get_size (json_node_get_object (value)), ==, 1);
  }
}

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* What a file manager's drop does: the widget's drop target gets the
 * list of files. */
static gboolean
drop_file (GtkWidget *widget,
           GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GSList *list;
      GValue value = G_VALUE_INIT;
      gboolean handled = FALSE;

      if (!GTK_IS_DROP_TARGET (controller))
        continue;
      list = g_slist_append (NULL, file);
      g_value_init (&value, GDK_TYPE_FILE_LIST);
      g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
      g_signal_emit_by_name (controller, "drop", &value, 0.0, 0.0, &handled);
      g_value_unset (&value);
      g_slist_free (list);
      return handled;
    }
  g_assert_not_reached ();
}

static void
test_attachments (Fixture       *fixture,
                  gconstpointer  data)
{
  ZcAttachmentList *list = ZC_ATTACHMENT_LIST (input (fixture, "files"));
  ZcFieldRow *row = zc_form_view_get_row (fixture->view, "files");
  g_autoptr(GFile) pdf = write_file (fixture->dir, "毕业证.pdf", "%PDF-1.4 small\n");
  g_autoptr(GFile) pdf2 = write_file (fixture->dir, "学位证.pdf", "%PDF-1.4 another\n");
  g_autoptr(GFile) pdf3 = write_file (fixture->dir, "third.pdf", "%PDF-1.4 third\n");
  g_autoptr(GFile) text = write_file (fixture->dir, "notes.pdf", "plain words");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  JsonArray *files;

  g_assert_cmpuint (zc_attachment_list_get_n_files (list), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (zc_attachment_list_get_add_button (list)));
  g_assert_nonnull (find_label (GTK_WIDGET (list), "No files attached"));

  g_assert_true (zc_attachment_list_add_file (list, pdf, &error));
  g_assert_no_error (error);
  record = zc_form_view_get_record (fixture->view);
  files = json_object_get_array_member (record, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 0), "name"), ==,
                   "毕业证.pdf");
  g_assert_true (zc_local_store_has_blob (fixture->store,
                 json_object_get_string_member (json_array_get_object_element (files, 0), "sha256")));
  g_assert_true (zc_form_view_is_modified (fixture->view));

  /* the same file twice, a wrong type, one too many */
  g_assert_false (zc_attachment_list_add_file (list, pdf, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);
  g_assert_false (zc_attachment_list_add_file (list, text, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);
  g_assert_true (zc_attachment_list_add_file (list, pdf2, &error));
  g_assert_false (gtk_widget_get_sensitive (zc_attachment_list_get_add_button (list)));
  g_assert_false (zc_attachment_list_add_file (list, pdf3, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);
  g_assert_cmpuint (zc_attachment_list_get_n_files (list), ==, 2);

  /* a failure from the file chooser shows under the row */
  g_signal_emit_by_name (list, "failed", "“notes.pdf” is not of an accepted type (PDF, JPEG, PNG)");
  g_assert_cmpstr (zc_field_row_get_error (row), ==, "“notes.pdf” is not of an accepted type (PDF, JPEG, PNG)");
  /* bring the bottom of the form into view */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (input (fixture, "indexed_in")), TRUE);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_TAB_FORWARD));
  save_screenshot (GTK_WIDGET (fixture->window), "form-view-attachments.png");

  g_assert_true (zc_attachment_list_remove (list, 0));
  g_assert_false (zc_attachment_list_remove (list, 5));
  g_assert_cmpuint (zc_attachment_list_get_n_files (list), ==, 1);
  g_assert_null (zc_field_row_get_error (row));

  /* dropped from a file manager: the same checks as chosen files */
  g_assert_true (drop_file (GTK_WIDGET (list), text));
  g_assert_cmpuint (zc_attachment_list_get_n_files (list), ==, 1);
  g_assert_nonnull (zc_field_row_get_error (row));
  g_assert_true (drop_file (GTK_WIDGET (list), pdf3));
  g_assert_cmpuint (zc_attachment_list_get_n_files (list), ==, 2);
  g_assert_true (zc_attachment_list_remove (list, 1));

  /* read-only: nothing can be added or removed */
  zc_form_view_set_editable (fixture->view, FALSE);
  g_assert_false (zc_form_view_get_editable (fixture->view));
  g_assert_false (gtk_widget_get_visible (zc_attachment_list_get_add_button (list)));
  g_assert_false (zc_attachment_list_remove (list, 0));
  g_assert_false (zc_attachment_list_add_file (list, pdf3, &error));
  g_clear_error (&error);
  g_assert_false (drop_file (GTK_WIDGET (list), pdf3));
  g_assert_cmpuint (zc_attachment_list_get_n_files (list), ==, 1);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonObject) record = zc_ui_test_parse_object ("{\"name\": \"配电网\", \"overseas\": true, \"degree\": \"2\"}");

  zc_form_view_set_record (fixture->view, record);
  zc_form_view_set_editable (fixture->view, FALSE);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "name"))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (input (fixture, "notes"))));
  g_assert_false (gtk_widget_is_sensitive (input (fixture, "overseas")));
  g_assert_false (gtk_widget_is_sensitive (input (fixture, "degree")));
  g_assert_false (gtk_widget_is_sensitive (zc_title_picker_get_dropdown (ZC_TITLE_PICKER (input (fixture, "held")),
                                                                          ZC_TITLE_PICKER_SERIES)));
  /* the values are still there to read */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "name"))), ==, "配电网");

  zc_form_view_set_editable (fixture->view, TRUE);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "name"))));
  g_assert_true (gtk_widget_is_sensitive (input (fixture, "overseas")));
}

/* Every form shipped in data/ builds, shows its required fields as
 * errors when empty, and gives back what it is given. */
static void
test_every_shipped_form (void)
{
  ZcFormKind kinds[] = { ZC_FORM_KIND_ARCHIVE_CATEGORY, ZC_FORM_KIND_SERIES_BLOCK, ZC_FORM_KIND_PERSONAL_INFO };
  guint n_forms = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) schemas = zc_form_schema_load_all (kinds[k], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < schemas->len; i++)
        {
          ZcFormSchema *schema = g_ptr_array_index (schemas, i);
          GtkWidget *window = gtk_window_new ();
          ZcFormView *view = ZC_FORM_VIEW (zc_form_view_new (schema, NULL));
          guint required = 0;

          gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
          g_assert_cmpuint (zc_form_view_get_n_rows (view), ==, zc_form_schema_get_n_fields (schema));
          for (guint f = 0; f < zc_form_schema_get_n_fields (schema); f++)
            {
              const ZcFormField *field = zc_form_schema_get_field (schema, f);

              /* a switch is never empty: false is a value */
              if (zc_form_field_get_required (field) && zc_form_field_get_field_type (field) != ZC_FIELD_BOOL)
                required++;
            }
          g_assert_false (zc_form_view_validate (view));
          g_assert_cmpuint (zc_form_view_get_n_errors (view), ==, required);
          gtk_window_destroy (GTK_WINDOW (window));
          n_forms++;
        }
    }
  g_assert_cmpuint (n_forms, >=, 17 + 4 + 1);
}

int
main (int   argc,
      char *argv[])
{
  /* messages are checked in English */
  g_unsetenv ("LANGUAGE");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/form-view/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add ("/ui/form-view/every-type-renders", Fixture, NULL,
              fixture_set_up, test_every_type_renders, fixture_tear_down);
  g_test_add ("/ui/form-view/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/ui/form-view/tidying", Fixture, NULL, fixture_set_up, test_tidying, fixture_tear_down);
  g_test_add ("/ui/form-view/integer-may-be-empty", Fixture, NULL,
              fixture_set_up, test_integer_may_be_empty, fixture_tear_down);
  g_test_add ("/ui/form-view/errors-next-to-fields", Fixture, NULL,
              fixture_set_up, test_errors_next_to_fields, fixture_tear_down);
  g_test_add ("/ui/form-view/title-cascade", Fixture, NULL,
              fixture_set_up, test_title_cascade, fixture_tear_down);
  g_test_add ("/ui/form-view/attachments", Fixture, NULL, fixture_set_up, test_attachments, fixture_tear_down);
  g_test_add ("/ui/form-view/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add_func ("/ui/form-view/every-shipped-form", test_every_shipped_form);

  return g_test_run ();
}
