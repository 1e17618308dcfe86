/* zc-store-sql.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/* The statement API under the domain modules.  Only zc-store-*.c and
 * the backends (zc-sqlite-*.c) include this header: nothing above the
 * store writes SQL.
 *
 * Domain SQL is written to run on SQLite and PostgreSQL alike:
 * - parameters are numbered `?1`, `?2` … (a PostgreSQL backend rewrites
 *   them to `$1` …); indexes passed to the bind functions start at 1,
 *   columns at 0;
 * - times are integers, microseconds since 1970 UTC, computed in C;
 *   booleans are integers 0/1; ids are UUID text;
 * - no backend functions (no datetime(), strftime(), instr(), ifnull()):
 *   portable SQL only, `LIKE … ESCAPE '\'` with patterns built in C.
 * DDL is backend-specific and lives in the backend's migrations. */

typedef struct _ZcStoreStmt ZcStoreStmt;

typedef enum
{
  ZC_STORE_STEP_ERROR,
  ZC_STORE_STEP_ROW,
  ZC_STORE_STEP_DONE,
} ZcStoreStep;

/* What a backend implements.  A backend's transaction and statement
 * structs start with a ZcStoreTxn / ZcStoreStmt. */
typedef struct
{
  ZcStoreStmt *(*prepare)        (ZcStoreTxn   *txn,
                                  const char   *sql,
                                  GError      **error);
  void         (*bind_text)      (ZcStoreStmt  *stmt,
                                  guint         index,
                                  const char   *value);
  void         (*bind_int64)     (ZcStoreStmt  *stmt,
                                  guint         index,
                                  gint64        value);
  void         (*bind_null)      (ZcStoreStmt  *stmt,
                                  guint         index);
  ZcStoreStep  (*step)           (ZcStoreStmt  *stmt,
                                  GError      **error);
  const char  *(*column_text)    (ZcStoreStmt  *stmt,
                                  guint         column);
  gint64       (*column_int64)   (ZcStoreStmt  *stmt,
                                  guint         column);
  gboolean     (*column_is_null) (ZcStoreStmt  *stmt,
                                  guint         column);
  gint64       (*changes)        (ZcStoreStmt  *stmt);
  void         (*finish)         (ZcStoreStmt  *stmt);
  gboolean     (*commit)         (ZcStoreTxn   *txn,
                                  GError      **error);
  void         (*release)        (ZcStoreTxn   *txn);
} ZcStoreTxnClass;

struct _ZcStoreTxn
{
  const ZcStoreTxnClass *klass;
  gboolean               write;
  gboolean               committed;
};

struct _ZcStoreStmt
{
  ZcStoreTxn *txn;   /* borrowed */
};

ZcStoreStmt *zc_store_stmt_new            (ZcStoreTxn   *txn,
                                           const char   *sql,
                                           GError      **error);
void         zc_store_stmt_bind_text      (ZcStoreStmt  *stmt,
                                           guint         index,
                                           const char   *value);
void         zc_store_stmt_bind_int64     (ZcStoreStmt  *stmt,
                                           guint         index,
                                           gint64        value);
void         zc_store_stmt_bind_boolean   (ZcStoreStmt  *stmt,
                                           guint         index,
                                           gboolean      value);
void         zc_store_stmt_bind_null      (ZcStoreStmt  *stmt,
                                           guint         index);
ZcStoreStep  zc_store_stmt_step           (ZcStoreStmt  *stmt,
                                           GError      **error);
gboolean     zc_store_stmt_run            (ZcStoreStmt  *stmt,
                                           GError      **error);
const char  *zc_store_stmt_get_text       (ZcStoreStmt  *stmt,
                                           guint         column);
char        *zc_store_stmt_dup_text       (ZcStoreStmt  *stmt,
                                           guint         column);
gint64       zc_store_stmt_get_int64      (ZcStoreStmt  *stmt,
                                           guint         column);
gboolean     zc_store_stmt_get_boolean    (ZcStoreStmt  *stmt,
                                           guint         column);
gboolean     zc_store_stmt_is_null        (ZcStoreStmt  *stmt,
                                           guint         column);
gint64       zc_store_stmt_changes        (ZcStoreStmt  *stmt);
void         zc_store_stmt_free           (ZcStoreStmt  *stmt);

char        *zc_store_like_pattern        (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcStoreStmt, zc_store_stmt_free)

G_END_DECLS
