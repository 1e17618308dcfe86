/* zc-declaration-test.h: what the declaration tests share — a demo
 * server with every role signed in, a published plan, uploaded files,
 * complete declaration bodies and the actions of the review chain
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-server-test.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* Dates are relative to today in Beijing, so that the plan's window is
 * open whatever day the tests run; the server's clock is moved with
 * ZHICHENG_TEST_NOW only to let a publicity's days pass. */
#define COMMITTEE_CODE  "12410000MB00000036"
#define DEPARTMENT_CODE "11410000MB00000026"
#define PLAN_ID         "7a000000-0000-4000-8000-0000000000d1"
#define EDUCATION_ID    "de300000-0000-4000-8000-000000000102"
#define HEALTH_TITLE "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"副主任医师\"}"

typedef struct
{
  ZcTestServer *server;
  char         *admin;
  char         *applicant;       /* 张伟, of the hospital, with the demo archive */
  char         *applicant_id;
  char         *officer;         /* 王芳, the hospital's unit officer */
  char         *hr_officer;      /* 孙磊, another unit */
  char         *department;      /* 刘洋, the hospital's competent department */
  char         *committee;       /* 陈静, the plan's committee */
  char         *issuer;          /* 杨帆 */
  char         *hospital;
  char         *committee_unit;
  char         *photo;           /* sha256 of uploaded blobs */
  char         *signature;
  char         *outline;
  gsize         outline_size;
} ZcDeclFixture;

void zc_decl_test_put_blob (ZcTestServer *server, const char *token, GBytes *bytes, char **sha256);
GBytes *zc_decl_test_image_bytes (const char *type, guint32     colour);
ZcStore *zc_decl_test_open_store (ZcTestServer *server);
char *zc_decl_test_plan_json (const char *id, const char *committee_unit, gint64      year, const char *name, const char *series_title, const char *type, const char *windows);
char *zc_decl_test_date_from_today (int days);
char *zc_decl_test_windows_json (int start_days, int first_days, int modification_days, int unit_days, int department_days);
char *zc_decl_test_clock_in_days (int days);
gint64 zc_decl_test_this_year (void);
void zc_decl_test_store_plan (ZcTestServer *server, const char *json);
void zc_decl_test_fixture_start (ZcDeclFixture *fixture, const char *data_dir, const char *now);
void zc_decl_test_fixture_setup (ZcDeclFixture *fixture, gconstpointer data);
void zc_decl_test_fixture_teardown (ZcDeclFixture *fixture, gconstpointer data);
char *zc_decl_test_declaration_body (ZcDeclFixture    *fixture, const char *plan_id, const char *omit, const char *extra);
char *zc_decl_test_publicity_args (int    from_days, char **too_short, int   *days);
char *zc_decl_test_create_declaration (ZcDeclFixture    *fixture, const char *token, const char *body);
JsonNode *zc_decl_test_act (ZcDeclFixture    *fixture, const char *token, const char *id, const char *action, const char *expected_state, const char *comment, const char *args, guint       status);
void zc_decl_test_act_ok (ZcDeclFixture *fixture, const char *token, const char *id, const char *action, const char *expected_state, const char *comment, const char *args, const char *to);
void zc_decl_test_act_refused (ZcDeclFixture *fixture, const char *token, const char *id, const char *action, const char *expected_state, const char *args, guint status, const char *code);
gint64 zc_decl_test_count_declarations (ZcDeclFixture *fixture);
gboolean zc_decl_test_server_clock_moved (ZcDeclFixture *fixture, const char *declaration_id, int days);

G_END_DECLS
