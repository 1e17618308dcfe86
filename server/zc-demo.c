/* zc-demo.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-demo"

#include "config.h"

#include "zc-demo.h"
#include "zc-demo-declarations.h"
#include "zc-demo-plans.h"
#include "zc-id-number.h"
#include "zc-store-accounts.h"
#include "zc-store-audit.h"
#include "zc-store-bindings.h"
#include "zc-store-units.h"

/* Fictional units and people; the codes and numbers carry valid check
 * characters so that they pass the same validation as real ones. */

typedef struct
{
  const char *name;
  const char *credit_code;
  const char *region_code;
  ZcUnitKind  kind;
  int         department;   /* index into demo_units, or -1 */
} DemoUnit;

static const DemoUnit demo_units[] = {
  { "河南省人力资源和社会保障厅", "11410000MB00000013", "410000", ZC_UNIT_KIND_HR_BUREAU, -1 },
  { "河南省卫生健康委员会", "11410000MB00000026", "410000", ZC_UNIT_KIND_DEPARTMENT, -1 },
  { "河南省卫生系列高级职称评审委员会", "12410000MB00000036", "410000", ZC_UNIT_KIND_COMMITTEE, 1 },
  { "河南省专业技术人员职称服务中心", "12410000MB00000049", "410000", ZC_UNIT_KIND_ISSUER, -1 },
  { "郑州市示范人民医院", "12410100MB0000005H", "410100", ZC_UNIT_KIND_EMPLOYER, 1 },
  { "河南示例科技有限公司", "91410100MA0000006D", "410100", ZC_UNIT_KIND_EMPLOYER, -1 },
  { "郑州市金水区人力资源和社会保障局", "11410105MB00000073", "410105", ZC_UNIT_KIND_HR_BUREAU, -1 },
};

typedef struct
{
  const char *name;
  const char *id_number;
  const char *mobile;
  ZcRole      role;
  int         unit;         /* index into demo_units, or -1 */
  const char *what;         /* for the listing */
} DemoAccount;

static const DemoAccount demo_accounts[] = {
  { "张伟", "410102198503120014", "13800000001", ZC_ROLE_APPLICANT, 4, "applicant, bound to 郑州市示范人民医院" },
  { "周涛", "410102198704230033", "13800000009", ZC_ROLE_APPLICANT, 4,
    "applicant, bound to 郑州市示范人民医院, with a declaration in the unit's review" },
  { "李娜", "41010519900718002X", "13800000002", ZC_ROLE_APPLICANT, -1, "applicant, not bound to a unit yet" },
  { "王芳", "410103197805210041", "13800000003", ZC_ROLE_UNIT_OFFICER, 4, "unit officer, 郑州市示范人民医院" },
  { "孙磊", "410105199206060071", "13800000008", ZC_ROLE_UNIT_OFFICER, 6,
    "unit officer, 郑州市金水区人力资源和社会保障局 (freelancers)" },
  { "刘洋", "410102198209140030", "13800000004", ZC_ROLE_DEPARTMENT_OFFICER, 1, "department officer, 河南省卫生健康委员会" },
  { "陈静", "410105197511300060", "13800000005", ZC_ROLE_COMMITTEE_OFFICER, 2,
    "committee officer, 河南省卫生系列高级职称评审委员会" },
  { "杨帆", "410103198802270051", "13800000006", ZC_ROLE_ISSUER, 3, "issuer, 河南省专业技术人员职称服务中心" },
  { "赵敏", "410102197001010080", "13800000007", ZC_ROLE_ADMIN, -1, "administrator" },
};

static gboolean
seed_units (ZcStoreTxn  *txn,
            gint64       now,
            char       **unit_ids,
            GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(ZcUnit) unit = zc_store_units_get_by_credit_code (txn, demo_units[i].credit_code, &local_error);

      if (unit == NULL)
        {
          if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          unit = zc_unit_new ();
          unit->id = g_uuid_string_random ();
          unit->name = g_strdup (demo_units[i].name);
          unit->credit_code = g_strdup (demo_units[i].credit_code);
          unit->region_code = g_strdup (demo_units[i].region_code);
          unit->kind = demo_units[i].kind;
          unit->department_id = demo_units[i].department >= 0 ? g_strdup (unit_ids[demo_units[i].department]) : NULL;
          unit->created_at = now;
          if (!zc_store_units_insert (txn, unit, error))
            return FALSE;
        }

      unit_ids[i] = g_strdup (unit->id);
    }

  return TRUE;
}

static gboolean
seed_account (ZcStoreTxn         *txn,
              const DemoAccount  *demo,
              const char         *unit_id,
              const char         *password_hash,
              gint64              now,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcAccount) account = zc_store_accounts_get_by_id_number (txn, demo->id_number, &local_error);
  GDate birth_date;
  ZcGender gender;
  char text[16];

  if (account != NULL)
    return TRUE;
  if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (!zc_id_number_validate (demo->id_number, NULL, &birth_date, &gender, ZC_LANGUAGE_ENGLISH, error))
    return FALSE;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &birth_date);

  account = zc_account_new ();
  account->id = g_uuid_string_random ();
  account->id_number = g_strdup (demo->id_number);
  account->name = g_strdup (demo->name);
  account->gender = g_strdup (zc_gender_to_string (gender));
  account->birth_date = g_strdup (text);
  account->mobile = g_strdup (demo->mobile);
  account->role = demo->role;
  account->unit_id = g_strdup (unit_id);
  account->password_hash = g_strdup (password_hash);
  account->created_at = account->updated_at = now;
  if (!zc_store_accounts_insert (txn, account, error))
    return FALSE;

  if (demo->role == ZC_ROLE_APPLICANT && unit_id != NULL)
    {
      g_autoptr(ZcBinding) binding = zc_binding_new ();

      binding->id = g_uuid_string_random ();
      binding->account_id = g_strdup (account->id);
      binding->unit_id = g_strdup (unit_id);
      binding->state = ZC_BINDING_STATE_APPROVED;
      binding->comment = g_strdup ("");
      binding->created_at = binding->decided_at = now;
      if (!zc_store_bindings_insert (txn, binding, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * zc_demo_seed:
 *
 * @blobs: the server's blob store, for the declaration's files
 *
 * Adds the demo units and accounts that are missing, the demo
 * applicant's personal information and archive, the plans and 周涛's
 * declaration in the unit's review with its files, in one transaction,
 * and marks the database as a demo database.
 */
gboolean
zc_demo_seed (ZcContext    *ctx,
              ZcBlobStore  *blobs,
              GError      **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autofree char *password_hash = NULL;
  char *unit_ids[G_N_ELEMENTS (demo_units)] = { NULL };
  ZcAuditEntry entry = { .action = "demo.seed" };
  gint64 now = zc_context_now (ctx);
  gboolean ok = TRUE;

  g_return_val_if_fail (ctx != NULL, FALSE);
  g_return_val_if_fail (ZC_IS_BLOB_STORE (blobs), FALSE);

  if (!zc_store_set_demo (ctx->store, TRUE, error))
    return FALSE;

  /* one hash for all: they share the password, and hashing is slow */
  password_hash = zc_password_hasher_hash (ctx->hasher, ZC_DEMO_PASSWORD, ZC_LANGUAGE_ENGLISH, error);
  if (password_hash == NULL)
    return FALSE;

  txn = zc_store_begin_write (ctx->store, error);
  if (txn == NULL)
    return FALSE;

  ok = seed_units (txn, now, unit_ids, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_accounts); i++)
    ok = seed_account (txn, &demo_accounts[i],
                       demo_accounts[i].unit >= 0 ? unit_ids[demo_accounts[i].unit] : NULL,
                       password_hash, now, error);
  ok = ok && zc_demo_seed_archive (txn, now, error);
  ok = ok && zc_demo_seed_plans (txn, now, error);
  ok = ok && zc_demo_seed_declarations (txn, blobs, now, error);
  ok = ok && zc_store_audit_append (txn, now, &entry, error) && zc_store_txn_commit (txn, error);

  for (guint i = 0; i < G_N_ELEMENTS (unit_ids); i++)
    g_free (unit_ids[i]);

  return ok;
}

/**
 * zc_demo_describe:
 *
 * Returns: (transfer full): the demo accounts, one per line, for the
 *   server to print at start
 */
char *
zc_demo_describe (void)
{
  GString *text = g_string_new ("Demo accounts (password " ZC_DEMO_PASSWORD "; log in with the ID number or the mobile):\n");

  for (guint i = 0; i < G_N_ELEMENTS (demo_accounts); i++)
    g_string_append_printf (text, "  %s  %s  %s  %s\n",
                            demo_accounts[i].id_number, demo_accounts[i].mobile,
                            demo_accounts[i].name, demo_accounts[i].what);

  return g_string_free (text, FALSE);
}
