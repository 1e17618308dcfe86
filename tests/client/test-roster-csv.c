/* test-roster-csv.c: a plan's roster as CSV
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-roster-csv.h"

#define BOM "\xEF\xBB\xBF"

static void
test_quote (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "", "" },
    { "张伟", "张伟" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "line\nbreak", "\"line\nbreak\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { " padded", "\" padded\"" },
    { "trailing ", "\"trailing \"" },
    { "=SUM(A1)", "'=SUM(A1)" },
    { "-1", "'-1" },
    { "+86", "'+86" },
    { "@x", "'@x" },
    { "=a,b", "\"'=a,b\"" },
    { "郑州市第一人民医院，内科", "郑州市第一人民医院，内科" },  /* a full-width comma is text */
    { "2026-03-02 10:15", "2026-03-02 10:15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = zc_roster_csv_quote (cases[i].in);

      g_assert_cmpstr (quoted, ==, cases[i].out);
    }
  {
    g_autofree char *quoted = zc_roster_csv_quote (NULL);
    g_assert_cmpstr (quoted, ==, "");
  }
}

static JsonArray *
parse_array (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_ref (json_node_get_array (node));
}

static char *
bytes_text (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

static void
test_empty (void)
{
  g_autoptr(JsonArray) records = parse_array ("[]");
  g_autoptr(GBytes) bytes = zc_roster_csv_build (records, zc_taxonomy_get_default (), ZC_LANGUAGE_ENGLISH);
  g_autofree char *text = bytes_text (bytes);

  /* the BOM, the header and nothing else */
  g_assert_true (g_str_has_prefix (text, BOM));
  g_assert_cmpstr (text + strlen (BOM), ==,
                   "No.,Name,Unit,Series,Title,Specialty,Method,Declaration category,State,Submitted at\r\n");
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static const char *records_json =
  "["
  " {\"id\": \"a\", \"state\": \"committee_review\", \"state_label\": \"评审中\","
  "  \"submitted_at\": \"2026-03-02T02:15:00Z\","
  "  \"applicant\": {\"id\": \"x\", \"name\": \"张伟\"},"
  "  \"body\": {\"method\": \"regular\", \"declaration_category\": \"临床\","
  "            \"title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\","
  "                       \"title\": \"副主任医师\", \"specialty\": \"内科学\"},"
  "            \"info\": {\"name\": \"旧名\", \"unit_name\": \"郑州市示范人民医院, 内科\"}}},"
  " 42,"
  " {\"id\": \"b\", \"state\": \"unit_review\", \"submitted_at\": null,"
  "  \"body\": {\"method\": \"no-such-method\", \"info\": {\"name\": \"李\\\"娜\\\"\","
  "            \"unit_name\": \"第一行\\n第二行\"}, \"title\": \"not an object\"}},"
  " {\"id\": \"c\", \"body\": 7, \"applicant\": [], \"state\": 3}"
  "]";

static void
test_rows (void)
{
  g_autoptr(JsonArray) records = parse_array (records_json);
  g_autoptr(GBytes) bytes = zc_roster_csv_build (records, zc_taxonomy_get_default (), ZC_LANGUAGE_ENGLISH);
  g_autofree char *text = bytes_text (bytes);
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (text, BOM));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  lines = g_strsplit (text + strlen (BOM), "\r\n", -1);
  /* header, three records (the number is skipped), the empty tail */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  /* the applicant's name wins over info's; Beijing time; English names */
  g_assert_cmpstr (lines[1], ==,
                   "1,张伟,\"郑州市示范人民医院, 内科\",Health professionals,副主任医师,内科学,"
                   "Regular application,临床,评审中,2026-03-02 10:15");
  /* quotes doubled, a line break kept inside quotes, an unknown method as is,
   * the state's id without a label, no time */
  g_assert_cmpstr (lines[2], ==, "2,\"李\"\"娜\"\"\",\"第一行\n第二行\",,,,no-such-method,,unit_review,");
  /* wrong types give empty cells, never a crash */
  g_assert_cmpstr (lines[3], ==, "3,,,,,,,,,");
  g_assert_cmpstr (lines[4], ==, "");
}

static void
test_row_cells (void)
{
  g_autoptr(JsonArray) records = parse_array (records_json);
  g_auto(GStrv) row = zc_roster_csv_row (json_array_get_object_element (records, 0), 7, NULL,
                                         ZC_LANGUAGE_ENGLISH);

  g_assert_cmpuint (g_strv_length (row), ==, ZC_ROSTER_N_COLUMNS);
  g_assert_cmpstr (row[ZC_ROSTER_COLUMN_NUMBER], ==, "7");
  /* without a taxonomy the codes */
  g_assert_cmpstr (row[ZC_ROSTER_COLUMN_SERIES], ==, "04");
  g_assert_cmpstr (row[ZC_ROSTER_COLUMN_METHOD], ==, "regular");
  g_assert_cmpstr (row[ZC_ROSTER_COLUMN_CATEGORY], ==, "临床");
}

static void
test_chinese (void)
{
  g_autoptr(JsonArray) records = parse_array (records_json);
  g_autoptr(GBytes) bytes = zc_roster_csv_build (records, zc_taxonomy_get_default (), ZC_LANGUAGE_LOCALE);
  g_autofree char *text = bytes_text (bytes);

  g_assert_true (g_str_has_prefix (text, BOM));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  /* the taxonomy's own Chinese names */
  g_assert_nonnull (strstr (text, "卫生技术人员"));
  g_assert_nonnull (strstr (text, "正常申报"));
  for (guint i = 0; i < ZC_ROSTER_N_COLUMNS; i++)
    g_assert_cmpstr (zc_roster_csv_column_label (i, ZC_LANGUAGE_LOCALE), !=, "");
}

static void
test_file_name (void)
{
  g_autofree char *name = zc_roster_csv_file_name ("2026年度/卫生:高级", ZC_LANGUAGE_ENGLISH);
  g_autofree char *fallback = zc_roster_csv_file_name (NULL, ZC_LANGUAGE_ENGLISH);
  g_autofree char *chinese = zc_roster_csv_file_name ("计划", ZC_LANGUAGE_LOCALE);

  g_assert_cmpstr (name, ==, "2026年度_卫生_高级 - roster.csv");
  g_assert_cmpstr (fallback, ==, "plan - roster.csv");
  g_assert_true (g_str_has_suffix (chinese, ".csv"));
  g_assert_nonnull (strstr (chinese, "计划"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster-csv/quote", test_quote);
  g_test_add_func ("/roster-csv/empty", test_empty);
  g_test_add_func ("/roster-csv/rows", test_rows);
  g_test_add_func ("/roster-csv/row-cells", test_row_cells);
  g_test_add_func ("/roster-csv/chinese", test_chinese);
  g_test_add_func ("/roster-csv/file-name", test_file_name);

  return g_test_run ();
}
