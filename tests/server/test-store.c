/* test-store.c: the store interface, its domains and the SQLite backend
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "zc-server-test.h"
#include "zc-sqlite-store.h"
#include "zc-store-accounts.h"
#include "zc-store-audit.h"
#include "zc-store-bindings.h"
#include "zc-store-sessions.h"
#include "zc-store-units.h"

typedef struct
{
  char    *dir;
  char    *path;
  ZcStore *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zc-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "zhicheng.db", NULL);
  fixture->store = zc_sqlite_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  zc_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Runs raw SQL on the file behind the store's back, as an intruder would. */
static void
raw_exec (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static ZcUnit *
make_unit (const char *credit_code,
           ZcUnitKind  kind)
{
  ZcUnit *unit = zc_unit_new ();

  unit->id = g_uuid_string_random ();
  unit->name = g_strdup_printf ("单位 %s", credit_code);
  unit->credit_code = g_strdup (credit_code);
  unit->region_code = g_strdup ("410100");
  unit->kind = kind;
  unit->created_at = g_get_real_time ();

  return unit;
}

static ZcAccount *
make_account (const char *id_number,
              const char *mobile,
              const char *name)
{
  ZcAccount *account = zc_account_new ();

  account->id = g_uuid_string_random ();
  account->id_number = g_strdup (id_number);
  account->name = g_strdup (name);
  account->gender = g_strdup ("male");
  account->birth_date = g_strdup ("1985-03-12");
  account->mobile = g_strdup (mobile);
  account->role = ZC_ROLE_APPLICANT;
  account->password_hash = g_strdup ("$argon2id$not-a-real-hash");
  account->created_at = account->updated_at = g_get_real_time ();

  return account;
}

static void
insert_unit (ZcStore      *store,
             const ZcUnit *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (store, &error);

  g_assert_no_error (error);
  g_assert_true (zc_store_units_insert (txn, unit, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);
}

static void
insert_account (ZcStore         *store,
                const ZcAccount *account)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (store, &error);

  g_assert_no_error (error);
  g_assert_true (zc_store_accounts_insert (txn, account, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);
}

static void
test_open_and_migrate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(ZcStoreInfo) info = { 0 };
  g_auto(ZcStoreInfo) again = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) reopened = NULL;

  g_assert_true (zc_store_get_info (fixture->store, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.schema_version, >=, 2);
  g_assert_cmpuint (strlen (info.epoch), ==, 32);
  g_assert_false (info.demo);

  g_assert_true (zc_store_set_demo (fixture->store, TRUE, &error));
  g_assert_no_error (error);

  /* a second opening (another process, say) runs no migration again */
  reopened = zc_sqlite_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_get_info (reopened, &again, &error));
  g_assert_cmpint (again.schema_version, ==, info.schema_version);
  g_assert_cmpstr (again.epoch, ==, info.epoch);
  g_assert_true (again.demo);
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    GStatBuf buf;

    /* WAL mode, and only the owner may read what holds personal information */
    g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (g_stat (fixture->path, &buf), ==, 0);
    g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (wal, &buf), ==, 0);
    g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  }
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-test-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "zhicheng.db", NULL);
  g_autoptr(ZcStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = zc_sqlite_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_MIGRATION);
  g_clear_error (&error);

  /* not a database at all */
  g_assert_true (g_file_set_contents (path, "this is no database, only text that is long enough", -1, NULL));
  store = zc_sqlite_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);

  zc_test_rm_rf (dir);
}

static void
test_rollback_and_commit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ZcUnit) unit = make_unit ("91410100MA0000006D", ZC_UNIT_KIND_EMPLOYER);
  g_autoptr(ZcUnit) found = NULL;
  g_autoptr(GError) error = NULL;
  ZcStoreTxn *txn;

  /* freed without a commit: rolled back */
  txn = zc_store_begin_write (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_units_insert (txn, unit, &error));
  zc_store_txn_free (txn);

  txn = zc_store_begin_read (fixture->store, &error);
  g_assert_null (zc_store_units_get (txn, unit->id, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  zc_store_txn_free (txn);

  insert_unit (fixture->store, unit);
  txn = zc_store_begin_read (fixture->store, &error);
  found = zc_store_units_get (txn, unit->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, unit->name);
  g_assert_cmpint (found->kind, ==, ZC_UNIT_KIND_EMPLOYER);
  g_assert_null (found->department_id);
  zc_store_txn_free (txn);

  /* a failed statement leaves the transaction usable for a rollback */
  txn = zc_store_begin_write (fixture->store, &error);
  g_assert_false (zc_store_units_insert (txn, unit, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_CONSTRAINT);
  zc_store_txn_free (txn);
}

static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(ZcUnit) department = make_unit ("11410000MB00000026", ZC_UNIT_KIND_DEPARTMENT);
  g_autoptr(ZcUnit) hospital = make_unit ("12410100MB0000005H", ZC_UNIT_KIND_EMPLOYER);
  g_autoptr(ZcUnit) orphan = make_unit ("91410100MA0000006D", ZC_UNIT_KIND_EMPLOYER);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(ZcUnit) by_code = NULL;
  ZcUnitKind kind;
  ZcUnitQuery query = { .kind = -1, .limit = 10 };

  g_free (hospital->name);
  hospital->name = g_strdup ("100%_医院");
  hospital->department_id = g_strdup (department->id);
  insert_unit (fixture->store, department);
  insert_unit (fixture->store, hospital);

  /* a department that does not exist: the foreign key refuses */
  orphan->department_id = g_uuid_string_random ();
  txn = zc_store_begin_write (fixture->store, &error);
  g_assert_false (zc_store_units_insert (txn, orphan, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&txn, zc_store_txn_free);

  txn = zc_store_begin_read (fixture->store, &error);
  by_code = zc_store_units_get_by_credit_code (txn, "12410100MB0000005H", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_code->department_id, ==, department->id);
  g_assert_null (zc_store_units_get_by_credit_code (txn, "00000000000000000X", &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* % and _ are searched for literally */
  query.text = "0%_";
  found = zc_store_units_search (txn, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.text = "%";
  found = zc_store_units_search (txn, &query, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  query.text = NULL;
  query.kind = ZC_UNIT_KIND_DEPARTMENT;
  found = zc_store_units_search (txn, &query, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ZcUnit *) found->pdata[0])->id, ==, department->id);
  g_clear_pointer (&found, g_ptr_array_unref);

  query.kind = -1;
  query.region_code = "999999";
  found = zc_store_units_search (txn, &query, &error);
  g_assert_cmpuint (found->len, ==, 0);

  g_assert_true (zc_unit_kind_from_string ("hr_bureau", &kind));
  g_assert_cmpint (kind, ==, ZC_UNIT_KIND_HR_BUREAU);
  g_assert_cmpstr (zc_unit_kind_to_string (ZC_UNIT_KIND_ISSUER), ==, "issuer");
  g_assert_false (zc_unit_kind_from_string ("Employer", &kind));
  g_assert_false (zc_unit_kind_from_string ("", &kind));
  g_assert_false (zc_unit_kind_from_string (NULL, &kind));
}

static void
test_accounts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ZcAccount) account = make_account ("410102198503120014", "13800000001", "张伟");
  g_autoptr(ZcAccount) same_mobile = make_account ("41010519900718002X", "13800000001", "李娜");
  g_autoptr(ZcAccount) no_mobile = make_account ("41010519900718002X", NULL, "李娜");
  g_autoptr(ZcAccount) also_no_mobile = make_account ("410103197805210041", NULL, "王芳");
  g_autoptr(ZcUnit) unit = make_unit ("91410100MA0000006D", ZC_UNIT_KIND_EMPLOYER);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GPtrArray) found = NULL;
  ZcAccountQuery query = { .role = -1, .limit = 10 };
  gboolean taken = FALSE;
  char *no_such = g_uuid_string_random ();

  insert_unit (fixture->store, unit);
  insert_account (fixture->store, account);
  insert_account (fixture->store, no_mobile);
  insert_account (fixture->store, also_no_mobile);  /* NULL mobiles do not collide */

  txn = zc_store_begin_write (fixture->store, &error);
  g_assert_false (zc_store_accounts_insert (txn, same_mobile, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&txn, zc_store_txn_free);

  txn = zc_store_begin_write (fixture->store, &error);
  {
    g_autoptr(ZcAccount) by_id_number = zc_store_accounts_get_by_login (txn, "410102198503120014", &error);
    g_autoptr(ZcAccount) by_mobile = zc_store_accounts_get_by_login (txn, "13800000001", &error);
    g_autoptr(ZcAccount) by_exact = zc_store_accounts_get_by_id_number (txn, "41010519900718002X", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (by_id_number->id, ==, account->id);
    g_assert_cmpstr (by_mobile->id, ==, account->id);
    g_assert_cmpstr (by_exact->id, ==, no_mobile->id);
    g_assert_null (by_exact->mobile);
    g_assert_false (by_id_number->must_change_password);
  }
  g_assert_null (zc_store_accounts_get_by_login (txn, "' OR 1=1 --", &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (zc_store_accounts_is_taken (txn, "410102198503120014", NULL, &taken, &error));
  g_assert_true (taken);
  g_assert_true (zc_store_accounts_is_taken (txn, "110101199003077774", "13800000001", &taken, &error));
  g_assert_true (taken);
  g_assert_true (zc_store_accounts_is_taken (txn, "110101199003077774", "13900000000", &taken, &error));
  g_assert_false (taken);
  g_assert_true (zc_store_accounts_is_taken (txn, "110101199003077774", NULL, &taken, &error));
  g_assert_false (taken);

  g_assert_true (zc_store_accounts_set_password (txn, account->id, "$argon2id$new", TRUE, 5, &error));
  g_assert_true (zc_store_accounts_set_role (txn, account->id, ZC_ROLE_UNIT_OFFICER, unit->id, 6, &error));
  g_assert_true (zc_store_accounts_set_unit (txn, no_mobile->id, unit->id, 7, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ZcAccount) changed = zc_store_accounts_get (txn, account->id, &error);

    g_assert_cmpstr (changed->password_hash, ==, "$argon2id$new");
    g_assert_true (changed->must_change_password);
    g_assert_cmpint (changed->role, ==, ZC_ROLE_UNIT_OFFICER);
    g_assert_cmpstr (changed->unit_id, ==, unit->id);
    g_assert_cmpint (changed->updated_at, ==, 6);
  }

  g_assert_false (zc_store_accounts_set_password (txn, no_such, "x", FALSE, 1, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zc_store_accounts_set_role (txn, no_such, ZC_ROLE_ADMIN, NULL, 1, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zc_store_accounts_set_unit (txn, no_such, NULL, 1, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* a unit that does not exist */
  g_assert_false (zc_store_accounts_set_unit (txn, account->id, no_such, 1, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  query.unit_id = unit->id;
  found = zc_store_accounts_search (txn, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.unit_id = NULL;
  query.role = ZC_ROLE_APPLICANT;
  query.text = "李";
  found = zc_store_accounts_search (txn, &query, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.text = "410103197805210041";
  found = zc_store_accounts_search (txn, &query, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ZcAccount *) found->pdata[0])->name, ==, "王芳");
  g_clear_pointer (&found, g_ptr_array_unref);
  query.offset = 1;
  found = zc_store_accounts_search (txn, &query, &error);
  g_assert_cmpuint (found->len, ==, 0);

  g_assert_true (zc_store_txn_commit (txn, &error));
  g_free (no_such);
}

static void
test_sessions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ZcAccount) account = make_account ("410102198503120014", "13800000001", "张伟");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  ZcSession first = { (char *) "11111111-1111-4111-8111-111111111111", account->id, 100, 100, 1000 };
  ZcSession second = { (char *) "22222222-2222-4222-8222-222222222222", account->id, 100, 100, 1000 };
  ZcSession third = { (char *) "33333333-3333-4333-8333-333333333333", account->id, 100, 100, 150 };
  ZcSession fourth = { (char *) "44444444-4444-4444-8444-444444444444", account->id, 1, 1, 2 };

  insert_account (fixture->store, account);

  txn = zc_store_begin_write (fixture->store, &error);
  g_assert_true (zc_store_sessions_insert (txn, &first, "hash-1", "127.0.0.1", &error));
  g_assert_true (zc_store_sessions_insert (txn, &second, "hash-2", NULL, &error));
  g_assert_true (zc_store_sessions_insert (txn, &third, "hash-3", NULL, &error));
  g_assert_no_error (error);
  /* the same token twice */
  g_assert_false (zc_store_sessions_insert (txn, &fourth, "hash-1", NULL, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (zc_store_sessions_touch (txn, first.id, 200, &error));
  {
    g_autoptr(ZcSession) found = zc_store_sessions_get_by_token_hash (txn, "hash-1", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (found->id, ==, first.id);
    g_assert_cmpstr (found->account_id, ==, account->id);
    g_assert_cmpint (found->last_seen_at, ==, 200);
    g_assert_cmpint (found->expires_at, ==, 1000);
  }
  /* touching never moves last_seen_at back */
  g_assert_true (zc_store_sessions_touch (txn, first.id, 150, &error));
  {
    g_autoptr(ZcSession) found = zc_store_sessions_get_by_token_hash (txn, "hash-1", &error);

    g_assert_cmpint (found->last_seen_at, ==, 200);
  }

  /* at 160: third is past its end, second idle for 60 (limit 50), first idle 0 */
  g_assert_true (zc_store_sessions_delete_expired (txn, 160, 50, &error));
  g_assert_null (zc_store_sessions_get_by_token_hash (txn, "hash-3", &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (zc_store_sessions_get_by_token_hash (txn, "hash-2", &error));
  g_clear_error (&error);

  g_assert_true (zc_store_sessions_insert (txn, &second, "hash-2", NULL, &error));
  g_assert_true (zc_store_sessions_delete_for_account (txn, account->id, first.id, &error));
  g_assert_null (zc_store_sessions_get_by_token_hash (txn, "hash-2", &error));
  g_clear_error (&error);
  {
    g_autoptr(ZcSession) kept = zc_store_sessions_get_by_token_hash (txn, "hash-1", &error);

    g_assert_nonnull (kept);
  }
  g_assert_true (zc_store_sessions_delete (txn, first.id, &error));
  g_assert_null (zc_store_sessions_get_by_token_hash (txn, "hash-1", &error));
  g_clear_error (&error);
  g_assert_true (zc_store_sessions_delete_for_account (txn, account->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_txn_commit (txn, &error));
}

static void
test_bindings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ZcAccount) account = make_account ("410102198503120014", "13800000001", "张伟");
  g_autoptr(ZcAccount) officer = make_account ("410103197805210041", "13800000003", "王芳");
  g_autoptr(ZcUnit) unit = make_unit ("91410100MA0000006D", ZC_UNIT_KIND_EMPLOYER);
  g_autoptr(ZcBinding) first = zc_binding_new ();
  g_autoptr(ZcBinding) second = zc_binding_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean decided = FALSE;
  ZcBindingState state;

  insert_unit (fixture->store, unit);
  insert_account (fixture->store, account);
  insert_account (fixture->store, officer);

  first->id = g_uuid_string_random ();
  first->account_id = g_strdup (account->id);
  first->unit_id = g_strdup (unit->id);
  first->comment = g_strdup ("第一次");
  first->created_at = 10;
  second->id = g_uuid_string_random ();
  second->account_id = g_strdup (account->id);
  second->unit_id = g_strdup (unit->id);
  second->freelancer = TRUE;
  second->created_at = 20;

  txn = zc_store_begin_write (fixture->store, &error);
  g_assert_true (zc_store_bindings_insert (txn, first, &error));
  g_assert_no_error (error);
  /* one pending request per applicant */
  g_assert_false (zc_store_bindings_insert (txn, second, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (zc_store_bindings_withdraw_pending (txn, account->id, 15, &error));
  g_assert_true (zc_store_bindings_insert (txn, second, &error));
  g_assert_no_error (error);

  list = zc_store_bindings_list_for_account (txn, account->id, 10, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((ZcBinding *) list->pdata[0])->id, ==, second->id);   /* newest first */
  g_assert_cmpint (((ZcBinding *) list->pdata[1])->state, ==, ZC_BINDING_STATE_WITHDRAWN);
  g_assert_cmpstr (((ZcBinding *) list->pdata[0])->unit_name, ==, unit->name);
  g_assert_cmpstr (((ZcBinding *) list->pdata[0])->applicant_name, ==, "张伟");
  g_assert_cmpstr (((ZcBinding *) list->pdata[0])->comment, ==, "");
  g_assert_true (((ZcBinding *) list->pdata[0])->freelancer);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = zc_store_bindings_list_for_unit (txn, unit->id, ZC_BINDING_STATE_PENDING, 10, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = zc_store_bindings_list_for_unit (txn, unit->id, -1, 10, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((ZcBinding *) list->pdata[0])->id, ==, first->id);    /* oldest first */
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (zc_store_bindings_decide (txn, second->id, ZC_BINDING_STATE_APPROVED, "好", officer->id, 30,
                                           &decided, &error));
  g_assert_true (decided);
  /* the second decision finds nothing pending */
  g_assert_true (zc_store_bindings_decide (txn, second->id, ZC_BINDING_STATE_DENIED, "不", officer->id, 31,
                                           &decided, &error));
  g_assert_false (decided);
  g_assert_true (zc_store_bindings_decide (txn, first->id, ZC_BINDING_STATE_DENIED, "不", officer->id, 31,
                                           &decided, &error));
  g_assert_false (decided);
  {
    g_autoptr(ZcBinding) found = zc_store_bindings_get (txn, second->id, &error);

    g_assert_cmpint (found->state, ==, ZC_BINDING_STATE_APPROVED);
    g_assert_cmpstr (found->decision_comment, ==, "好");
    g_assert_cmpstr (found->decided_by, ==, officer->id);
    g_assert_cmpint (found->decided_at, ==, 30);
  }
  g_assert_null (zc_store_bindings_get (txn, unit->id, &error));
  g_assert_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (zc_binding_state_from_string ("denied", &state));
  g_assert_cmpint (state, ==, ZC_BINDING_STATE_DENIED);
  g_assert_false (zc_binding_state_from_string ("Denied", &state));
  g_assert_false (zc_binding_state_from_string (NULL, &state));
  g_assert_cmpstr (zc_binding_state_to_string (ZC_BINDING_STATE_WITHDRAWN), ==, "withdrawn");
}

static void
append_audit (ZcStore    *store,
              const char *action,
              const char *detail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (store, &error);
  ZcAuditEntry entry = { .actor = "someone", .action = action, .detail = detail };

  g_assert_true (zc_store_audit_append (txn, g_get_real_time (), &entry, &error));
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);
}

static void
verify_audit (ZcStore *store,
              gint64   expected_rows,
              gint64   expected_broken)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (store, &error);
  gint64 checked = -1;
  gint64 broken = -1;

  g_assert_true (zc_store_audit_verify (txn, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (checked, ==, expected_rows);
  g_assert_cmpint (broken, ==, expected_broken);
}

static void
test_audit_chain (Fixture       *fixture,
                  gconstpointer  data)
{
  verify_audit (fixture->store, 0, 0);

  append_audit (fixture->store, "session.create", NULL);
  append_audit (fixture->store, "binding.approve", "a\nb");
  append_audit (fixture->store, "account.role", "admin");
  append_audit (fixture->store, "session.delete", "");
  verify_audit (fixture->store, 4, 0);

  /* the database refuses to edit or remove a row … */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET detail = 'applicant' WHERE seq = 3", NULL, NULL, NULL), ==,
                     SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit WHERE seq = 2", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }
  verify_audit (fixture->store, 4, 0);

  /* … and an intruder who drops its guards is still found out: an
   * edited row breaks the chain from there */
  raw_exec (fixture, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete");
  raw_exec (fixture, "UPDATE audit SET detail = 'applicant' WHERE seq = 3");
  verify_audit (fixture->store, 4, 3);
  raw_exec (fixture, "UPDATE audit SET detail = 'admin' WHERE seq = 3");
  verify_audit (fixture->store, 4, 0);

  /* so does a deleted one */
  raw_exec (fixture, "DELETE FROM audit WHERE seq = 2");
  verify_audit (fixture->store, 3, 3);
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(ZcAccount) account = make_account ("410102198503120014", "13800000001", "张伟");
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autoptr(GError) error = NULL;

  insert_account (fixture->store, account);
  g_assert_true (zc_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_server_test_query_int (backup, "SELECT count(*) FROM accounts"), ==, 1);

  /* never over an existing file */
  g_assert_false (zc_store_backup (fixture->store, backup, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* nor into a folder that does not exist */
  g_free (backup);
  backup = g_build_filename (fixture->dir, "missing", "backup.db", NULL);
  g_assert_false (zc_store_backup (fixture->store, backup, &error));
  g_assert_nonnull (error);
}

typedef struct
{
  ZcStore *store;
  guint    thread;
} WriterData;

static gpointer
writer (gpointer user_data)
{
  WriterData *data = user_data;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *code = g_strdup_printf ("T%02u-%02u", data->thread, i);
      g_autoptr(ZcUnit) unit = make_unit (code, ZC_UNIT_KIND_EMPLOYER);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (data->store, &error);
      g_autoptr(ZcStoreTxn) reader = zc_store_begin_read (data->store, &error);
      ZcUnitQuery query = { .kind = -1, .limit = 5 };
      g_autoptr(GPtrArray) units = zc_store_units_search (reader, &query, &error);

      g_assert_no_error (error);
      g_assert_nonnull (units);
      g_assert_true (zc_store_units_insert (txn, unit, &error));
      g_assert_true (zc_store_txn_commit (txn, &error));
      g_assert_no_error (error);
    }

  return NULL;
}

/* Writers in parallel: every write waits its turn, none fails busy. */
static void
test_concurrent_writers (Fixture       *fixture,
                         gconstpointer  data)
{
  WriterData writers[6];
  GThread *threads[6];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      writers[i].store = fixture->store;
      writers[i].thread = i;
      threads[i] = g_thread_new ("writer", writer, &writers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (zc_server_test_query_int (fixture->path, "SELECT count(*) FROM units"), ==, 120);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/store/open-and-migrate", Fixture, NULL, fixture_setup, test_open_and_migrate,
              fixture_teardown);
  g_test_add_func ("/server/store/newer-schema-refused", test_newer_schema_refused);
  g_test_add ("/server/store/rollback-and-commit", Fixture, NULL, fixture_setup, test_rollback_and_commit,
              fixture_teardown);
  g_test_add ("/server/store/units", Fixture, NULL, fixture_setup, test_units, fixture_teardown);
  g_test_add ("/server/store/accounts", Fixture, NULL, fixture_setup, test_accounts, fixture_teardown);
  g_test_add ("/server/store/sessions", Fixture, NULL, fixture_setup, test_sessions, fixture_teardown);
  g_test_add ("/server/store/bindings", Fixture, NULL, fixture_setup, test_bindings, fixture_teardown);
  g_test_add ("/server/store/audit-chain", Fixture, NULL, fixture_setup, test_audit_chain, fixture_teardown);
  g_test_add ("/server/store/backup", Fixture, NULL, fixture_setup, test_backup, fixture_teardown);
  g_test_add ("/server/store/concurrent-writers", Fixture, NULL, fixture_setup, test_concurrent_writers,
              fixture_teardown);

  return g_test_run ();
}
