/* test-form-validator.c: checking records against form schemas
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-form-validator.h"

/* Records are written with ' for " to stay readable; the fixture forms
 * are in tests/fixtures/forms/forms/.  "Today" is fixed at 2024-06-15. */

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define SHA_C "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define SHA_D "ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd0"
#define FILE_A "{'sha256': '" SHA_A "', 'name': 'a.pdf', 'mime': 'application/pdf', 'size': 1000}"
#define FILE_B "{'sha256': '" SHA_B "', 'name': '毕业证.jpg', 'mime': 'image/jpeg', 'size': 1}"
#define FILE_C "{'sha256': '" SHA_C "', 'name': 'c.pdf', 'mime': 'application/pdf', 'size': 20}"
#define FILE_D "{'sha256': '" SHA_D "', 'name': 'd.pdf', 'mime': 'application/pdf', 'size': 20}"
#define GOOD_EDUCATION "'start_on': '2010-09-01', 'end_on': '2014-07-01', 'school': '云南大学', " \
                       "'has_degree': true, 'degree': '4', 'years': 4, 'notes': 'line 1\\nline 2', " \
                       "'scans': [" FILE_A ", " FILE_B "]"

static ZcValidationContext context;

static JsonObject *
parse_record (const char *single_quoted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup (single_quoted);
  g_autoptr(JsonNode) node = NULL;

  g_strdelimit (json, "'", '"');
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static ZcFormSchema *
get_schema (const char *id)
{
  g_autoptr(GError) error = NULL;
  ZcFormSchema *schema = zc_form_schema_lookup (id, &error);

  g_assert_no_error (error);
  return schema;
}

/* Validates and returns "field:code field:code …" */
static char *
check_language (const char  *form,
                const char  *record_json,
                ZcLanguage   language,
                GPtrArray  **errors_out)
{
  g_autoptr(ZcFormSchema) schema = get_schema (form);
  g_autoptr(JsonObject) record = parse_record (record_json);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GString) summary = g_string_new ("");
  gboolean valid;

  valid = zc_form_validate (schema, record, &context, language, &errors);
  g_assert_nonnull (errors);
  g_assert_true (valid == (errors->len == 0));

  for (guint i = 0; i < errors->len; i++)
    {
      ZcFieldError *error = g_ptr_array_index (errors, i);

      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_string_append_printf (summary, "%s%s:%s", i > 0 ? " " : "", error->field, error->code);
    }

  if (errors_out != NULL)
    *errors_out = g_steal_pointer (&errors);
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static char *
check (const char  *form,
       const char  *record_json,
       GPtrArray  **errors_out)
{
  return check_language (form, record_json, ZC_LANGUAGE_ENGLISH, errors_out);
}

#define assert_errors(form, record, expected) \
  G_STMT_START { \
    g_autofree char *_summary = check (form, record, NULL); \
    g_assert_cmpstr (_summary, ==, expected); \
  } G_STMT_END

/* The one error a record gives, with its English message */
#define assert_message(form, record, expected_summary, expected_message) \
  G_STMT_START { \
    g_autoptr(GPtrArray) _errors = NULL; \
    g_autofree char *_summary = check (form, record, &_errors); \
    g_assert_cmpstr (_summary, ==, expected_summary); \
    g_assert_cmpstr (((ZcFieldError *) g_ptr_array_index (_errors, 0))->message, ==, expected_message); \
  } G_STMT_END

static void
test_valid_record (void)
{
  g_autoptr(ZcFormSchema) schema = get_schema ("education");
  g_autoptr(JsonObject) record = parse_record ("{" GOOD_EDUCATION "}");
  g_autoptr(GPtrArray) errors = NULL;

  g_assert_true (zc_form_validate (schema, record, &context, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 0);
  /* errors_out is optional */
  g_assert_true (zc_form_validate (schema, record, &context, ZC_LANGUAGE_LOCALE, NULL));

  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB'}", "");
  assert_errors ("papers", "{'title': 'On forms', 'issn': '0317-8471', 'isbn': '978-7-111-54742-6', "
                 "'cn': 'CN 11-1234/R', 'published_in': '2024-06', 'award_year': 2024, 'words': 12, "
                 "'topics': ['med', 'eng'], 'rank': -3, 'journal': null}", "");
}

static void
test_required (void)
{
  assert_errors ("education", "{}", "start_on:required school:required");
  assert_errors ("education", "{'start_on': null, 'school': ''}", "start_on:required school:required");
  assert_message ("education", "{'start_on': '2010-09-01'}", "school:required", "School is required");
  /* nothing is trimmed: blanks are reported, not taken for empty */
  assert_message ("education", "{'start_on': '2010-09-01', 'school': '   '}", "school:invalid_format",
                  "School must not begin or end with spaces or empty lines");
  /* empty optional values of every type are fine */
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'end_on': '', 'has_degree': null, "
                 "'degree': '', 'years': null, 'notes': '', 'scans': []}", "");
  assert_errors ("papers", "{'title': 'T', 'topics': [], 'award_year': ''}", "");
  assert_errors ("teacher-info", "{'title': {}, 'series_only': {'series': '', 'level': null}}", "");
  /* an empty array is empty only where a field holds an array */
  assert_errors ("education", "{'start_on': [], 'school': {}}", "start_on:wrong_type school:wrong_type");
}

static void
test_text (void)
{
  g_autoptr(ZcFormSchema) schema = get_schema ("education");
  g_autoptr(JsonObject) record = parse_record ("{'start_on': '2010-09-01'}");
  g_autoptr(GPtrArray) errors = NULL;

  /* lengths count characters, not bytes */
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': '一二三四五六七八九十'}", "");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': '一二三四五六七八九十一'}", "school:too_long",
                  "School must be at most 10 characters long");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': '云'}", "school:too_short",
                  "School must be at least 2 characters long");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'A\\nB'}", "school:invalid_format",
                  "School must be a single line without control characters");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'A\\tB'}", "school:invalid_format");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'A\\u0001B'}", "school:invalid_format");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB\\u007f'}", "school:invalid_format");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': ' AB'}", "school:invalid_format");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB\\u3000'}", "school:invalid_format");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 5}", "school:wrong_type");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': true}", "school:wrong_type");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': ['AB']}", "school:wrong_type",
                  "School holds a value of the wrong kind");

  /* long text takes line breaks, and nothing else of the kind */
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'notes': 'a\\n\\nb'}", "");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'notes': 'a\\r\\nb'}",
                  "notes:invalid_format", "Notes contains control characters: only line breaks are allowed");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'notes': 'a\\n'}", "notes:invalid_format");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'notes': '123456789012345678901'}",
                 "notes:too_long");

  /* invalid UTF-8 can only come from code, not from a JSON parser */
  json_object_set_string_member (record, "school", "AB\xff");
  g_assert_false (zc_form_validate (schema, record, &context, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (((ZcFieldError *) errors->pdata[0])->code, ==, "invalid_format");
  g_assert_cmpstr (((ZcFieldError *) errors->pdata[0])->message, ==, "School contains characters that are not valid text");
}

static void
test_formats (void)
{
  assert_errors ("personal-info", "{'name': '张三', 'gender': '1', 'id_number': '11010519491231002X', "
                 "'mobile': '13812345678', 'phone': '0871-65123456', 'email': 'zhang.san@example.com', "
                 "'postcode': '650000', 'unit_code': '91350100M000100Y43', 'birth_date': '1949-12-31'}", "");

  /* every format error at once, each with the label and the checker's reason */
  {
    g_autoptr(GPtrArray) errors = NULL;
    g_autofree char *summary = check ("personal-info", "{'name': '张三', 'gender': '1', "
                                      "'id_number': '110105194912310021', 'mobile': '03812345678', "
                                      "'phone': '087165123456', 'email': 'x', 'postcode': '65000', "
                                      "'unit_code': '91350100M000100Y4'}", &errors);

    g_assert_cmpstr (summary, ==, "id_number:invalid_format mobile:invalid_format phone:invalid_format "
                     "email:invalid_format postcode:invalid_format unit_code:invalid_format");
    g_assert_cmpstr (((ZcFieldError *) errors->pdata[0])->message, ==,
                     "ID number: The check digit is wrong: the last character should be X");
    g_assert_cmpstr (((ZcFieldError *) errors->pdata[2])->message, ==,
                     "Phone: Separate the area code with a hyphen, for example 0871-65123456");
    g_assert_cmpstr (((ZcFieldError *) errors->pdata[4])->message, ==, "Postcode: A postcode has exactly 6 digits");
    g_assert_true (g_str_has_prefix (((ZcFieldError *) errors->pdata[1])->message, "Mobile: "));
    g_assert_true (g_str_has_prefix (((ZcFieldError *) errors->pdata[3])->message, "E-mail: "));
    g_assert_true (g_str_has_prefix (((ZcFieldError *) errors->pdata[5])->message, "Unit credit code: "));
  }

  /* the ID number's birth date is checked against the injected today */
  assert_errors ("personal-info", "{'name': 'A', 'gender': '2', 'id_number': '110105202605150027'}",
                 "id_number:invalid_format");

  assert_errors ("papers", "{'title': 'T', 'issn': '1000-002X', 'isbn': '7-111-54742-X', 'cn': 'CN11-0065'}", "");
  assert_message ("papers", "{'title': 'T', 'issn': '0317-8472'}", "issn:invalid_format",
                  "ISSN: The last character of the ISSN does not match the others: check for a typing mistake");
  assert_message ("papers", "{'title': 'T', 'isbn': '978-7-111-54742-5'}", "isbn:invalid_format",
                  "ISBN: The last digit of the ISBN does not match the others: check for a typing mistake");
  assert_message ("papers", "{'title': 'T', 'cn': 'CN 99-1234/R'}", "cn:invalid_format",
                  "CN serial number: The two digits after CN must be a province code, such as 11 for Beijing");
}

static void
test_serial_numbers (void)
{
  static const char *good_issn[] = { "0317-8471", "1000-002X", "2049-3630" };
  static const char *bad_issn[] = { "", "03178471", "0317-847", "0317-84711", "0317-847x", "0317-8472", "A317-8471",
                                    "0317 8471", "0317-84X1", "03-178471" };
  static const char *good_isbn[] = { "978-7-111-54742-6", "9787111547426", "7-111-54742-X", "711154742X",
                                     "7-111-00000-5" };
  static const char *bad_isbn[] = { "", "978-7-111-54742-5", "9777111547426", "978--7111547426", "-9787111547426",
                                    "9787111547426-", "97871115474266", "7-111-54742-x", "7-111-54742-1",
                                    "978711154742X", "978 7111547426", "X787111547426" };
  static const char *good_cn[] = { "CN 11-1234/R", "CN11-1826/TP", "CN11-0065", "CN 53-1234/G4", "CN 65-1000/F8" };
  static const char *bad_cn[] = { "", "CN 99-1234/R", "cn 11-1234/R", "CN 11-123/R", "CN  11-1234/R", "CN 11-1234/",
                                  "CN 11-1234/r", "CN 11-1234/ABC", "CN 11-1234/R1234", "CN 111234/R", "CN 11-1234/R ",
                                  "ISSN 11-1234/R", "CN 00-1234/R" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good_issn); i++)
    g_assert_true (zc_issn_validate (good_issn[i], ZC_LANGUAGE_ENGLISH, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_issn); i++)
    {
      g_test_message ("ISSN %s", bad_issn[i]);
      g_assert_false (zc_issn_validate (bad_issn[i], ZC_LANGUAGE_LOCALE, &error));
      g_assert_error (error, ZC_FORM_VALIDATOR_ERROR, ZC_FORM_VALIDATOR_ERROR_ISSN);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_isbn); i++)
    {
      g_test_message ("ISBN %s", good_isbn[i]);
      g_assert_true (zc_isbn_validate (good_isbn[i], ZC_LANGUAGE_ENGLISH, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_isbn); i++)
    {
      g_test_message ("ISBN %s", bad_isbn[i]);
      g_assert_false (zc_isbn_validate (bad_isbn[i], ZC_LANGUAGE_ENGLISH, &error));
      g_assert_error (error, ZC_FORM_VALIDATOR_ERROR, ZC_FORM_VALIDATOR_ERROR_ISBN);
      g_clear_error (&error);
    }
  g_assert_false (zc_isbn_validate ("9777111547426", ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "A 13-digit ISBN starts with 978 or 979");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (good_cn); i++)
    {
      g_test_message ("CN %s", good_cn[i]);
      g_assert_true (zc_cn_serial_validate (good_cn[i], ZC_LANGUAGE_ENGLISH, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cn); i++)
    {
      g_test_message ("CN %s", bad_cn[i]);
      g_assert_false (zc_cn_serial_validate (bad_cn[i], ZC_LANGUAGE_ENGLISH, &error));
      g_assert_error (error, ZC_FORM_VALIDATOR_ERROR, ZC_FORM_VALIDATOR_ERROR_CN_SERIAL);
      g_clear_error (&error);
    }
  g_assert_false (zc_cn_serial_validate ("CN 11-123/R", ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "Write the CN serial number as CN, the province code, a hyphen, four digits "
                   "and the class, for example CN 11-1234/R");
}

static void
test_dates (void)
{
  assert_message ("education", "{'start_on': '2024-02-30', 'school': 'AB'}", "start_on:invalid_date",
                  "Start date: In 2024-02 the day must be between 01 and 29");
  assert_errors ("education", "{'start_on': '2024/01/01', 'school': 'AB'}", "start_on:invalid_date");
  assert_errors ("education", "{'start_on': '2024-1-1', 'school': 'AB'}", "start_on:invalid_date");
  assert_errors ("education", "{'start_on': ' 2024-01-01', 'school': 'AB'}", "start_on:invalid_date");
  assert_errors ("education", "{'start_on': '1899-12-31', 'school': 'AB'}", "start_on:invalid_date");
  assert_errors ("education", "{'start_on': 20240101, 'school': 'AB'}", "start_on:wrong_type");
  /* today is 2024-06-15 */
  assert_errors ("education", "{'start_on': '2024-06-15', 'school': 'AB'}", "");
  assert_message ("education", "{'start_on': '2024-06-16', 'school': 'AB'}", "start_on:date_in_future",
                  "Start date must not be later than today");

  assert_errors ("papers", "{'title': 'T', 'published_in': '2024-06'}", "");
  assert_errors ("papers", "{'title': 'T', 'published_in': '2024-07'}", "published_in:date_in_future");
  assert_errors ("papers", "{'title': 'T', 'published_in': '2024-6'}", "published_in:invalid_date");
  assert_errors ("papers", "{'title': 'T', 'published_in': '2024-06-01'}", "published_in:invalid_date");
  assert_errors ("papers", "{'title': 'T', 'published_in': '2024-13'}", "published_in:invalid_date");

  assert_errors ("papers", "{'title': 'T', 'award_year': 1990}", "");
  assert_errors ("papers", "{'title': 'T', 'award_year': 2024}", "");
  assert_errors ("papers", "{'title': 'T', 'award_year': 2025}", "award_year:date_in_future");
  assert_message ("papers", "{'title': 'T', 'award_year': 1989}", "award_year:out_of_range",
                  "Award year must not be earlier than 1990");
  assert_message ("papers", "{'title': 'T', 'award_year': 2031}", "award_year:out_of_range",
                  "Award year must not be later than 2030");
  assert_message ("papers", "{'title': 'T', 'award_year': 1899}", "award_year:invalid_date",
                  "Award year: The year must be between 1900 and 2100");
  assert_errors ("papers", "{'title': 'T', 'award_year': -2024}", "award_year:invalid_date");
  assert_message ("papers", "{'title': 'T', 'award_year': 2024.0}", "award_year:not_integer",
                  "Award year must be a whole number");
  assert_errors ("papers", "{'title': 'T', 'award_year': '2024'}", "award_year:wrong_type");
}

static void
test_integers (void)
{
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'years': 1}", "");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'years': 10}", "");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'years': 0}", "years:out_of_range",
                  "Years of schooling must be between 1 and 10");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'years': 11}", "years:out_of_range");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'years': 99999999999}", "years:out_of_range");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'years': 4.5}", "years:not_integer",
                  "Years of schooling must be a whole number");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'years': '4'}", "years:wrong_type");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'years': false}", "years:wrong_type");
  assert_message ("papers", "{'title': 'T', 'words': 0}", "words:out_of_range", "Words must be at least 1");
  assert_message ("papers", "{'title': 'T', 'rank': 11}", "rank:out_of_range", "Author rank must be at most 10");
  assert_errors ("papers", "{'title': 'T', 'rank': -9223372036854775807}", "");
}

static void
test_enums_and_bools (void)
{
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'degree': '9'}", "");  /* deprecated */
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'degree': '5'}", "degree:unknown_option",
                  "Degree: “5” is not one of the options");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'degree': 'Bachelor'}", "degree:unknown_option");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'degree': '4 '}", "degree:unknown_option");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'degree': 4}", "degree:wrong_type");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'degree': ['4']}", "degree:wrong_type");

  assert_errors ("papers", "{'title': 'T', 'topics': ['edu']}", "");
  assert_errors ("papers", "{'title': 'T', 'topics': ['edu', 'bio']}", "topics:unknown_option");
  assert_message ("papers", "{'title': 'T', 'topics': ['edu', 'eng', 'edu']}", "topics:unknown_option",
                  "Topics lists the same option twice");
  assert_errors ("papers", "{'title': 'T', 'topics': 'edu'}", "topics:wrong_type");
  assert_errors ("papers", "{'title': 'T', 'topics': [1]}", "topics:wrong_type");
  assert_errors ("papers", "{'title': 'T', 'topics': [null]}", "topics:wrong_type");

  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'has_degree': false}", "");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'has_degree': 'true'}", "has_degree:wrong_type");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'has_degree': 1}", "has_degree:wrong_type");
}

static void
test_taxonomy (void)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *summary = NULL;

  assert_errors ("teacher-info", "{'title': {'series': '07', 'category': '中小学教师', 'level': '中级', "
                 "'title': '一级教师'}, 'series_only': {'series': '04'}}", "");
  assert_errors ("teacher-info", "{'title': {'series': '07'}}", "title:invalid_taxonomy");
  assert_errors ("teacher-info", "{'series_only': {'series': '99'}}", "series_only:invalid_taxonomy");
  assert_errors ("teacher-info", "{'title': {'series': '07', 'category': '中小学教师', 'level': '中级', "
                 "'title': '主治医师'}}", "title:invalid_taxonomy");
  assert_errors ("teacher-info", "{'series_only': {'series': '04', 'colour': 'red'}}", "series_only:invalid_taxonomy");
  assert_errors ("teacher-info", "{'title': '一级教师', 'series_only': ['04']}", "title:wrong_type series_only:wrong_type");

  summary = check ("teacher-info", "{'series_only': {'series': 4}}", &errors);
  g_assert_cmpstr (summary, ==, "series_only:invalid_taxonomy");
  g_assert_true (g_str_has_prefix (((ZcFieldError *) errors->pdata[0])->message, "Series: "));
}

static void
test_attachments (void)
{
  static const char *damaged[] = {
    "'x'",
    "{'sha256': '" SHA_C "', 'name': 'c.pdf', 'mime': 'application/pdf'}",
    "{'sha256': '" SHA_C "', 'name': 'c.pdf', 'mime': 'application/pdf', 'size': 20, 'path': '/tmp/c.pdf'}",
    "{'sha256': 'ABCDEF', 'name': 'c.pdf', 'mime': 'application/pdf', 'size': 20}",
    "{'sha256': '" SHA_C "0', 'name': 'c.pdf', 'mime': 'application/pdf', 'size': 20}",
    "{'sha256': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'name': 'c.pdf', "
    "'mime': 'application/pdf', 'size': 20}",
    "{'sha256': '" SHA_C "', 'name': '', 'mime': 'application/pdf', 'size': 20}",
    "{'sha256': '" SHA_C "', 'name': 'dir/c.pdf', 'mime': 'application/pdf', 'size': 20}",
    "{'sha256': '" SHA_C "', 'name': 'c\\\\d.pdf', 'mime': 'application/pdf', 'size': 20}",
    "{'sha256': '" SHA_C "', 'name': 'c\\n.pdf', 'mime': 'application/pdf', 'size': 20}",
    "{'sha256': '" SHA_C "', 'name': 'c.pdf', 'mime': 3, 'size': 20}",
    "{'sha256': '" SHA_C "', 'name': 'c.pdf', 'mime': 'application/pdf', 'size': 0}",
    "{'sha256': '" SHA_C "', 'name': 'c.pdf', 'mime': 'application/pdf', 'size': '20'}",
    "{'sha256': '" SHA_C "', 'name': 'c.pdf', 'mime': 'application/pdf', 'size': 20.5}",
  };

  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'scans': [" FILE_A ", " FILE_B ", " FILE_C "]}", "");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'scans': [" FILE_A "]}",
                  "scans:too_few_attachments", "Scans: attach at least 2 files");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'scans': [" FILE_A ", " FILE_B ", "
                  FILE_C ", " FILE_D "]}", "scans:too_many_attachments", "Scans: attach at most 3 files");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'scans': [" FILE_A ", "
                  "{'sha256': '" SHA_A "', 'name': 'again.pdf', 'mime': 'application/pdf', 'size': 1000}]}",
                  "scans:invalid_attachment", "Scans: “again.pdf” is attached twice");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'scans': [" FILE_A ", "
                  "{'sha256': '" SHA_C "', 'name': 'c.png', 'mime': 'image/png', 'size': 10}]}",
                  "scans:attachment_type", "Scans: “c.png” is not a file of an accepted type");
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'scans': [" FILE_A ", "
                  "{'sha256': '" SHA_C "', 'name': 'big.pdf', 'mime': 'application/pdf', 'size': 1001}]}",
                  "scans:attachment_too_large", "Scans: “big.pdf” is larger than 1.0\u00a0kB");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'scans': " FILE_A "}", "scans:wrong_type");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'scans': 'a.pdf'}", "scans:wrong_type");

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *record = g_strdup_printf ("{'start_on': '2010-09-01', 'school': 'AB', 'scans': [" FILE_A ", %s]}",
                                                 damaged[i]);
      g_autoptr(GPtrArray) errors = NULL;
      g_autofree char *summary = check ("education", record, &errors);

      g_test_message ("%s", damaged[i]);
      g_assert_cmpstr (summary, ==, "scans:invalid_attachment");
      g_assert_cmpstr (((ZcFieldError *) errors->pdata[0])->message, ==, "Scans: the record of an attached file is damaged");
    }
}

static void
test_rules (void)
{
  /* date-order, open end */
  assert_message ("education", "{'start_on': '2014-09-01', 'end_on': '2010-07-01', 'school': 'AB'}",
                  "end_on:end_before_start", "Graduation date must not be before Start date");
  assert_errors ("education", "{'start_on': '2014-09-01', 'end_on': '2014-09-01', 'school': 'AB'}", "");
  assert_errors ("education", "{'start_on': '2014-09-01', 'end_on': '', 'school': 'AB'}", "");
  assert_errors ("education", "{'start_on': '2014-09-01', 'school': 'AB'}", "");
  /* a rule is skipped when one of its values is already wrong */
  assert_errors ("education", "{'start_on': '2014-13-01', 'end_on': '2010-07-01', 'school': 'AB'}", "start_on:invalid_date");
  assert_errors ("education", "{'start_on': '2014-09-01', 'end_on': '2030-07-01', 'school': 'AB'}", "end_on:date_in_future");

  /* year against year-month: compared at the coarser precision */
  assert_errors ("teacher-info", "{'since': 2020, 'until': '2020-01'}", "");
  assert_errors ("teacher-info", "{'since': 2020, 'until': '2024-06'}", "");
  assert_message ("teacher-info", "{'since': 2020, 'until': '2019-12'}", "until:end_before_start",
                  "Teaching until must not be before Teaching since");
  assert_errors ("teacher-info", "{'until': '2019-12'}", "");

  /* not-greater, with the default and with the rule's own message */
  assert_errors ("teacher-info", "{'teaching_years': 5, 'work_years': 5}", "");
  assert_message ("teacher-info", "{'teaching_years': 6, 'work_years': 5}", "teaching_years:greater_than",
                  "Teaching years must not be greater than Work years");
  assert_errors ("teacher-info", "{'teaching_years': 6}", "");
  assert_errors ("teacher-info", "{'teaching_years': 6, 'work_years': 5.5}", "work_years:not_integer");
  assert_message ("personal-info", "{'name': 'A', 'gender': '1', 'specialty_years': 10, 'work_years': 5}",
                  "specialty_years:greater_than", "Specialty years may not exceed work years");

  /* required-if */
  assert_message ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'has_degree': true}", "degree:required",
                  "Degree is required");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'has_degree': false}", "");
  assert_errors ("education", "{'start_on': '2010-09-01', 'school': 'AB', 'has_degree': 'yes'}", "has_degree:wrong_type");
  assert_message ("papers", "{'title': 'T', 'topics': ['eng', 'med']}", "issn:required", "Medical papers need an ISSN");
  assert_errors ("papers", "{'title': 'T', 'topics': ['eng'], 'issn': ''}", "");
  assert_errors ("papers", "{'title': 'T', 'topics': ['med'], 'issn': '0317-8471'}", "");
}

static void
test_unknown_and_many (void)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *summary = NULL;

  assert_message ("education", "{" GOOD_EDUCATION ", 'colour': 'red'}", "colour:unknown_field",
                  "“colour” is not a field of this form");
  /* every error at once, in the order of the form, unknown members last */
  summary = check ("education", "{'zzz': 1, 'scans': [" FILE_A "], 'years': 0, 'end_on': '2010-01-01', "
                   "'start_on': '2011-01-01', 'has_degree': true, 'notes': ' x', 'Start_on': '2011-01-01'}", &errors);
  g_assert_cmpstr (summary, ==, "end_on:end_before_start school:required degree:required years:out_of_range "
                   "notes:invalid_format scans:too_few_attachments zzz:unknown_field Start_on:unknown_field");
  g_assert_cmpstr (((ZcFieldError *) errors->pdata[1])->message, ==, "School is required");
}

static void
test_languages (void)
{
  static const char *record = "{'start_on': '2024-02-30', 'end_on': 3, 'years': 0, 'degree': 'x', "
                              "'scans': [" FILE_A "], 'colour': 1}";
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) locale = NULL;
  g_autofree char *english_summary = check_language ("education", record, ZC_LANGUAGE_ENGLISH, &english);
  g_autofree char *locale_summary = check_language ("education", record, ZC_LANGUAGE_LOCALE, &locale);

  /* the codes do not depend on the language; every message is there */
  g_assert_cmpstr (english_summary, ==, locale_summary);
  g_assert_cmpuint (locale->len, ==, 7);
  for (guint i = 0; i < locale->len; i++)
    g_assert_cmpuint (strlen (((ZcFieldError *) locale->pdata[i])->message), >, 0);
}

static void
test_default_context (void)
{
  g_autoptr(ZcFormSchema) schema = get_schema ("personal-info");
  g_autoptr(JsonObject) past = parse_record ("{'name': 'A', 'gender': '1', 'birth_date': '2000-01-01'}");
  g_autoptr(JsonObject) future = parse_record ("{'name': 'A', 'gender': '1', 'birth_date': '2099-01-01'}");
  g_autoptr(GPtrArray) errors = NULL;
  ZcValidationContext defaults;

  /* real today in Beijing */
  g_assert_true (zc_form_validate (schema, past, NULL, ZC_LANGUAGE_ENGLISH, NULL));
  g_assert_false (zc_form_validate (schema, future, NULL, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpstr (((ZcFieldError *) errors->pdata[0])->code, ==, "date_in_future");
  g_clear_pointer (&errors, g_ptr_array_unref);

  memset (&defaults, 0xff, sizeof defaults);
  zc_validation_context_init (&defaults);
  g_assert_false (g_date_valid (&defaults.today));
  g_assert_null (defaults.taxonomy);
  g_assert_false (zc_form_validate (schema, future, &defaults, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 1);
}

static void
test_value_is_empty (void)
{
  g_autoptr(ZcFormSchema) education = get_schema ("education");
  g_autoptr(ZcFormSchema) papers = get_schema ("papers");
  g_autoptr(ZcFormSchema) teacher = get_schema ("teacher-info");
  g_autoptr(JsonObject) values = parse_record ("{'null': null, 'empty': '', 'blank': ' ', 'array': [], "
                                               "'object': {}, 'false': false, 'zero': 0, 'pick': {'series': ''},"
                                               "'full_pick': {'series': '04'}, 'deep_pick': {'series': {}}}");
  const ZcFormField *text = zc_form_schema_find_field (education, "school");
  const ZcFormField *flag = zc_form_schema_find_field (education, "has_degree");
  const ZcFormField *files = zc_form_schema_find_field (education, "scans");
  const ZcFormField *single = zc_form_schema_find_field (education, "degree");
  const ZcFormField *multiple = zc_form_schema_find_field (papers, "topics");
  const ZcFormField *pick = zc_form_schema_find_field (teacher, "title");

  g_assert_true (zc_form_value_is_empty (text, NULL));
  g_assert_true (zc_form_value_is_empty (text, json_object_get_member (values, "null")));
  g_assert_true (zc_form_value_is_empty (text, json_object_get_member (values, "empty")));
  g_assert_true (zc_form_value_is_empty (flag, json_object_get_member (values, "empty")));
  g_assert_false (zc_form_value_is_empty (text, json_object_get_member (values, "blank")));
  g_assert_false (zc_form_value_is_empty (text, json_object_get_member (values, "array")));
  g_assert_false (zc_form_value_is_empty (text, json_object_get_member (values, "object")));
  g_assert_false (zc_form_value_is_empty (flag, json_object_get_member (values, "false")));
  g_assert_false (zc_form_value_is_empty (text, json_object_get_member (values, "zero")));
  g_assert_true (zc_form_value_is_empty (files, json_object_get_member (values, "array")));
  g_assert_true (zc_form_value_is_empty (multiple, json_object_get_member (values, "array")));
  g_assert_false (zc_form_value_is_empty (single, json_object_get_member (values, "array")));
  g_assert_true (zc_form_value_is_empty (pick, json_object_get_member (values, "object")));
  g_assert_true (zc_form_value_is_empty (pick, json_object_get_member (values, "pick")));
  g_assert_false (zc_form_value_is_empty (pick, json_object_get_member (values, "full_pick")));
  g_assert_false (zc_form_value_is_empty (pick, json_object_get_member (values, "deep_pick")));
  g_assert_false (zc_form_value_is_empty (files, json_object_get_member (values, "object")));
}

static void
test_field_error (void)
{
  g_autoptr(ZcFieldError) error = zc_field_error_new ("school", "required", "School is required");
  g_autoptr(ZcFieldError) copy = zc_field_error_copy (error);
  ZcFieldError *boxed;

  g_assert_true (copy != error);
  g_assert_cmpstr (copy->field, ==, "school");
  g_assert_cmpstr (copy->code, ==, "required");
  g_assert_cmpstr (copy->message, ==, "School is required");

  boxed = g_boxed_copy (ZC_TYPE_FIELD_ERROR, error);
  g_assert_cmpstr (boxed->message, ==, error->message);
  g_boxed_free (ZC_TYPE_FIELD_ERROR, boxed);
  zc_field_error_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fixtures = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "forms", NULL);
  g_setenv ("ZHICHENG_DATA_DIR", fixtures, TRUE);

  zc_validation_context_init (&context);
  g_date_set_dmy (&context.today, 15, G_DATE_JUNE, 2024);
  context.taxonomy = zc_taxonomy_load (&error);
  g_assert_no_error (error);

  g_test_add_func ("/form-validator/valid-record", test_valid_record);
  g_test_add_func ("/form-validator/required", test_required);
  g_test_add_func ("/form-validator/text", test_text);
  g_test_add_func ("/form-validator/formats", test_formats);
  g_test_add_func ("/form-validator/serial-numbers", test_serial_numbers);
  g_test_add_func ("/form-validator/dates", test_dates);
  g_test_add_func ("/form-validator/integers", test_integers);
  g_test_add_func ("/form-validator/enums-and-bools", test_enums_and_bools);
  g_test_add_func ("/form-validator/taxonomy", test_taxonomy);
  g_test_add_func ("/form-validator/attachments", test_attachments);
  g_test_add_func ("/form-validator/rules", test_rules);
  g_test_add_func ("/form-validator/unknown-and-many", test_unknown_and_many);
  g_test_add_func ("/form-validator/languages", test_languages);
  g_test_add_func ("/form-validator/default-context", test_default_context);
  g_test_add_func ("/form-validator/value-is-empty", test_value_is_empty);
  g_test_add_func ("/form-validator/field-error", test_field_error);

  result = g_test_run ();
  zc_taxonomy_unref (context.taxonomy);
  return result;
}
