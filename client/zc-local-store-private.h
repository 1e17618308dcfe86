/* zc-local-store-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "zc-local-store.h"

G_BEGIN_DECLS

/* What the files of the local store share: zc-local-store.c (the object
 * and its database helpers), -edit.c (writes), -query.c (reads) and
 * -blobs.c (attachment files). */

struct _ZcLocalStore
{
  GObject   parent_instance;

  sqlite3  *db;            /* owned */
  char     *path;          /* owned */
  char     *blob_dir;      /* owned */
  char     *client_id;     /* owned */
  char     *owner_id;      /* owned */
  guint     outbox_count;
};

#define ZC_LOCAL_STORE_RECORD_COLUMNS \
  "id, kind, owner_id, server_version, body, state, review_comment, deleted, created_at, updated_at"

gboolean       zc_local_store_set_db_error        (ZcLocalStore  *self,
                                                   GError       **error,
                                                   const char    *what);
gboolean       zc_local_store_exec                (ZcLocalStore  *self,
                                                   const char    *sql,
                                                   GError       **error);
sqlite3_stmt  *zc_local_store_prepare             (ZcLocalStore  *self,
                                                   const char    *sql,
                                                   GError       **error);
gboolean       zc_local_store_step_done           (ZcLocalStore  *self,
                                                   sqlite3_stmt  *stmt,
                                                   GError       **error);
void           zc_local_store_rollback            (ZcLocalStore  *self);
gint64         zc_local_store_now                 (void);
GDateTime     *zc_local_store_time_from_usec      (gint64         usec);
gint64         zc_local_store_time_to_usec        (GDateTime     *time);
char          *zc_local_store_object_to_string    (JsonObject    *object);
JsonObject    *zc_local_store_object_from_column  (sqlite3_stmt  *stmt,
                                                   int            column,
                                                   GError       **error);
ZcRecord      *zc_local_store_record_from_row     (sqlite3_stmt  *stmt,
                                                   GError       **error);
ZcRecord      *zc_local_store_read_record         (ZcLocalStore  *self,
                                                   const char    *id,
                                                   GError       **error);
void           zc_local_store_emit_changed        (ZcLocalStore  *self,
                                                   const char    *id,
                                                   const char    *kind);
GPtrArray     *zc_local_store_blobs_waiting       (ZcLocalStore  *self,
                                                   GPtrArray     *sha256s,
                                                   GError       **error);
gboolean       zc_local_store_insert_outbox       (ZcLocalStore  *self,
                                                   const char    *name,
                                                   const char    *record_id,
                                                   gint64         base_version,
                                                   const char    *expected_state,
                                                   JsonObject    *args,
                                                   GPtrArray     *blobs,
                                                   gint64         now,
                                                   GError       **error);

G_END_DECLS
