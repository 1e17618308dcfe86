/* zc-local-store.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zc-record.h"
#include "zc-review-state.h"
#include "zc-sync-message.h"

G_BEGIN_DECLS

#define ZC_LOCAL_STORE_ERROR (zc_local_store_error_quark ())

/**
 * ZcLocalStoreError:
 * @ZC_LOCAL_STORE_ERROR_DATABASE: SQLite failed: I/O, a full disk, a
 *   damaged file, a lock held too long
 * @ZC_LOCAL_STORE_ERROR_NEWER_SCHEMA: the file was written by a newer
 *   version of the program
 * @ZC_LOCAL_STORE_ERROR_NOT_FOUND: no such record (or blob)
 * @ZC_LOCAL_STORE_ERROR_INVALID: a bad kind, id or body; the message
 *   says what, in the user's language when it comes from the form check
 * @ZC_LOCAL_STORE_ERROR_NOT_ALLOWED: the review state forbids it (a
 *   rejected entry cannot be edited, an approved one not deleted)
 * @ZC_LOCAL_STORE_ERROR_ATTACHMENT: a file cannot be attached: unreadable,
 *   too large, of a type the field does not take
 */
typedef enum
{
  ZC_LOCAL_STORE_ERROR_DATABASE,
  ZC_LOCAL_STORE_ERROR_NEWER_SCHEMA,
  ZC_LOCAL_STORE_ERROR_NOT_FOUND,
  ZC_LOCAL_STORE_ERROR_INVALID,
  ZC_LOCAL_STORE_ERROR_NOT_ALLOWED,
  ZC_LOCAL_STORE_ERROR_ATTACHMENT,
} ZcLocalStoreError;

/* The account whose store is used until sign-in exists. */
#define ZC_LOCAL_STORE_LOCAL_ACCOUNT "local"

/* The kind of the one personal-information record. */
#define ZC_LOCAL_STORE_PERSONAL_INFO_KIND "personal-info"

/* Mutation names of the outbox. */
#define ZC_LOCAL_STORE_MUTATION_PUT    "record.put"
#define ZC_LOCAL_STORE_MUTATION_DELETE "record.delete"

#define ZC_TYPE_LOCAL_STORE (zc_local_store_get_type ())
G_DECLARE_FINAL_TYPE (ZcLocalStore, zc_local_store, ZC, LOCAL_STORE, GObject)

GQuark        zc_local_store_error_quark        (void);

char         *zc_local_store_default_path       (const char    *account_id);
char         *zc_local_store_archive_kind       (const char    *form_id);
const char   *zc_local_store_kind_get_form_id   (const char    *kind);

ZcLocalStore *zc_local_store_open               (const char    *path,
                                                 GError       **error);

const char   *zc_local_store_get_path           (ZcLocalStore  *self);
const char   *zc_local_store_get_blob_dir       (ZcLocalStore  *self);
const char   *zc_local_store_get_client_id      (ZcLocalStore  *self);
const char   *zc_local_store_get_owner_id       (ZcLocalStore  *self);
guint         zc_local_store_get_outbox_count   (ZcLocalStore  *self);

/* Archive entries (kind "archive:<form id>"): each call is one
 * transaction that writes the record and its outbox row. */
ZcRecord     *zc_local_store_create_entry       (ZcLocalStore  *self,
                                                 const char    *kind,
                                                 JsonObject    *body,
                                                 GError       **error);
ZcRecord     *zc_local_store_update_entry       (ZcLocalStore  *self,
                                                 const char    *id,
                                                 JsonObject    *body,
                                                 GError       **error);
gboolean      zc_local_store_delete_entry       (ZcLocalStore  *self,
                                                 const char    *id,
                                                 GError       **error);

ZcRecord     *zc_local_store_save_personal_info (ZcLocalStore  *self,
                                                 JsonObject    *body,
                                                 GError       **error);
ZcRecord     *zc_local_store_get_personal_info  (ZcLocalStore  *self,
                                                 GError       **error);

ZcRecord     *zc_local_store_get_record         (ZcLocalStore  *self,
                                                 const char    *id,
                                                 GError       **error);
GPtrArray    *zc_local_store_list_records       (ZcLocalStore  *self,
                                                 const char    *kind,
                                                 GError       **error);
GHashTable   *zc_local_store_count_by_kind      (ZcLocalStore  *self,
                                                 GError       **error);
gboolean      zc_local_store_count_states       (ZcLocalStore  *self,
                                                 const char    *kind,
                                                 guint          counts[ZC_N_REVIEW_STATES],
                                                 GError       **error);

/* A record as the server sent it: stored clean, without an outbox row. */
gboolean      zc_local_store_put_server_record  (ZcLocalStore  *self,
                                                 ZcRecord      *record,
                                                 GError       **error);

GPtrArray    *zc_local_store_list_outbox        (ZcLocalStore  *self,
                                                 GError       **error);

JsonObject   *zc_local_store_add_attachment     (ZcLocalStore       *self,
                                                 GFile              *file,
                                                 const char * const *accept,
                                                 guint64             max_size,
                                                 GError            **error);
char         *zc_local_store_get_blob_path      (ZcLocalStore  *self,
                                                 const char    *sha256);
gboolean      zc_local_store_has_blob           (ZcLocalStore  *self,
                                                 const char    *sha256);

/* Sync bookkeeping (zc-local-store-sync.c), for the sync engine and the
 * sync status: ZcMutation, ZcConflict, ZcPushResult and ZcPullResponse
 * are the protocol's (zc-sync-message.h). */
typedef struct
{
  ZcMutation *mutation;        /* owned: the change as it was queued */
  char       *kind;            /* owned, nullable: its record's kind */
  char       *code;            /* owned */
  char       *message;         /* owned */
  GDateTime  *created_at;      /* owned */
} ZcLocalRejection;

void          zc_local_rejection_free           (ZcLocalRejection *rejection);
char         *zc_local_store_open_path_for_account (const char    *account_id,
                                                 gboolean       migrate_placeholder,
                                                 GError       **error);
gboolean      zc_local_store_bind_account       (ZcLocalStore  *self,
                                                 const char    *account_id,
                                                 GError       **error);
char         *zc_local_store_get_meta           (ZcLocalStore  *self,
                                                 const char    *key);
gboolean      zc_local_store_set_meta           (ZcLocalStore  *self,
                                                 const char    *key,
                                                 const char    *value,
                                                 GError       **error);
GPtrArray    *zc_local_store_list_pending       (ZcLocalStore  *self,
                                                 guint          limit,
                                                 GError       **error);
gboolean      zc_local_store_mark_sending       (ZcLocalStore  *self,
                                                 GPtrArray     *mutations,
                                                 GError       **error);
GPtrArray    *zc_local_store_list_blobs_to_upload (ZcLocalStore *self,
                                                 GError       **error);
gboolean      zc_local_store_mark_blob_uploaded (ZcLocalStore  *self,
                                                 const char    *sha256,
                                                 GError       **error);
gboolean      zc_local_store_release_refused_blob (ZcLocalStore  *self,
                                                   const char    *sha256,
                                                   GError       **error);
GPtrArray    *zc_local_store_list_missing_blobs (ZcLocalStore  *self,
                                                 GError       **error);
gboolean      zc_local_store_put_blob           (ZcLocalStore  *self,
                                                 const char    *sha256,
                                                 const char    *mime,
                                                 GBytes        *data,
                                                 GError       **error);
gboolean      zc_local_store_apply_push         (ZcLocalStore  *self,
                                                 const ZcPushResult *result,
                                                 GError       **error);
gboolean      zc_local_store_apply_pull         (ZcLocalStore  *self,
                                                 GPtrArray     *responses,
                                                 GError       **error);
GPtrArray    *zc_local_store_list_rejections    (ZcLocalStore  *self,
                                                 GError       **error);
gboolean      zc_local_store_discard_rejection  (ZcLocalStore  *self,
                                                 gint64         mutation_id,
                                                 GError       **error);
GPtrArray    *zc_local_store_list_conflicts     (ZcLocalStore  *self,
                                                 const char    *record_id,
                                                 GError       **error);
gboolean      zc_local_store_resolve_conflicts  (ZcLocalStore  *self,
                                                 const char    *record_id,
                                                 JsonObject    *body,
                                                 GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcLocalRejection, zc_local_rejection_free)

G_END_DECLS
