/* test-account-checks.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-account-checks.h"
#include "zc-api-error.h"
#include "zc-sqlite-store.h"
#include "zc-test-server.h"

static void
assert_invalid (GError     *error,
                const char *field)
{
  g_assert_error (error, ZC_API_ERROR, ZC_API_ERROR_INVALID);
  g_assert_cmpstr (zc_api_error_get_code (error), ==, "invalid_value");
  g_assert_cmpstr (zc_api_error_get_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

/* The rule itself is tested in tests/shared/test-account-rules.c; here
 * the server's error (code and field) and the normalized name. */
static void
test_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_true (zc_account_validate_name ("  欧阳娜娜　", &normalized, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "欧阳娜娜");
  g_clear_pointer (&normalized, g_free);

  g_assert_false (zc_account_validate_name ("张伟1", &normalized, ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "name");
  g_assert_cmpstr (error->message, ==, "A name has no digits.");
  g_assert_null (normalized);
  g_clear_error (&error);
  g_assert_false (zc_account_validate_name ("张", &normalized, ZC_LANGUAGE_LOCALE, &error));
  assert_invalid (error, "name");
  g_assert_null (normalized);
}

static void
test_id_number (void)
{
  g_autoptr(ZcAccount) account = zc_account_new ();
  g_autoptr(ZcAccount) other = zc_account_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (300, '1');

  g_assert_true (zc_account_validate_id_number (" 41010519900718002x ", account, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (account->id_number, ==, "41010519900718002X");
  g_assert_cmpstr (account->gender, ==, "female");
  g_assert_cmpstr (account->birth_date, ==, "1990-07-18");

  g_assert_false (zc_account_validate_id_number ("410102198503120015", other, ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "id_number");
  g_assert_null (other->id_number);
  g_clear_error (&error);
  g_assert_false (zc_account_validate_id_number (long_text, other, ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "id_number");
  g_clear_error (&error);
  g_assert_false (zc_account_validate_id_number ("", other, ZC_LANGUAGE_LOCALE, &error));
  assert_invalid (error, "id_number");
}

static void
test_mobile (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_account_validate_mobile ("13800000001", ZC_LANGUAGE_ENGLISH, &error));
  g_assert_false (zc_account_validate_mobile ("12800000001", ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "mobile");
  g_clear_error (&error);
  g_assert_false (zc_account_validate_mobile ("138 0000 0001", ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "mobile");
  g_clear_error (&error);
  g_assert_false (zc_account_validate_mobile ("", ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "mobile");
}

static void
test_role_accepts_unit (void)
{
  /* rows: roles; columns: employer, hr_bureau, department, committee, issuer */
  static const gboolean expected[ZC_N_ROLES][5] = {
    [ZC_ROLE_APPLICANT] =          { TRUE, TRUE, FALSE, FALSE, FALSE },
    [ZC_ROLE_UNIT_OFFICER] =       { TRUE, TRUE, FALSE, FALSE, FALSE },
    [ZC_ROLE_DEPARTMENT_OFFICER] = { FALSE, FALSE, TRUE, FALSE, FALSE },
    [ZC_ROLE_COMMITTEE_OFFICER] =  { FALSE, FALSE, FALSE, TRUE, FALSE },
    [ZC_ROLE_ISSUER] =             { FALSE, FALSE, FALSE, FALSE, TRUE },
    [ZC_ROLE_ADMIN] =              { FALSE, FALSE, FALSE, FALSE, FALSE },
  };

  for (guint role = 0; role < ZC_N_ROLES; role++)
    for (guint kind = 0; kind < 5; kind++)
      g_assert_cmpint (zc_account_role_accepts_unit (role, kind), ==, expected[role][kind]);
}

static void
test_check_role_unit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-test-rules-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "zhicheng.db", NULL);
  g_autoptr(ZcStore) store = zc_sqlite_store_open (path, &error);
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcUnit) committee = zc_unit_new ();
  g_autofree char *missing = g_uuid_string_random ();

  committee->id = g_uuid_string_random ();
  committee->name = g_strdup ("评委会");
  committee->credit_code = g_strdup ("12410000MB00000036");
  committee->region_code = g_strdup ("410000");
  committee->kind = ZC_UNIT_KIND_COMMITTEE;
  txn = zc_store_begin_write (store, &error);
  g_assert_true (zc_store_units_insert (txn, committee, &error));

  g_assert_true (zc_account_check_role_unit (txn, ZC_ROLE_APPLICANT, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_true (zc_account_check_role_unit (txn, ZC_ROLE_ADMIN, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_true (zc_account_check_role_unit (txn, ZC_ROLE_COMMITTEE_OFFICER, committee->id, ZC_LANGUAGE_ENGLISH,
                                             &error));
  g_assert_no_error (error);

  g_assert_false (zc_account_check_role_unit (txn, ZC_ROLE_UNIT_OFFICER, NULL, ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "unit_id");
  g_clear_error (&error);
  g_assert_false (zc_account_check_role_unit (txn, ZC_ROLE_ADMIN, committee->id, ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "unit_id");
  g_clear_error (&error);
  g_assert_false (zc_account_check_role_unit (txn, ZC_ROLE_ISSUER, committee->id, ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "unit_id");
  g_clear_error (&error);
  g_assert_false (zc_account_check_role_unit (txn, ZC_ROLE_APPLICANT, missing, ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "unit_id");
  g_clear_error (&error);
  g_assert_false (zc_account_check_role_unit (txn, ZC_ROLE_APPLICANT, "not-a-uuid", ZC_LANGUAGE_ENGLISH, &error));
  assert_invalid (error, "unit_id");

  g_clear_pointer (&txn, zc_store_txn_free);
  g_clear_object (&store);
  zc_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/account-rules/name", test_name);
  g_test_add_func ("/server/account-rules/id-number", test_id_number);
  g_test_add_func ("/server/account-rules/mobile", test_mobile);
  g_test_add_func ("/server/account-rules/role-accepts-unit", test_role_accepts_unit);
  g_test_add_func ("/server/account-rules/check-role-unit", test_check_role_unit);

  return g_test_run ();
}
