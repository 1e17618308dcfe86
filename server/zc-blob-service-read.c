/* zc-blob-service-read.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-blob"

#include "config.h"

#include "zc-blob-service-private.h"
#include "zc-record-service.h"
#include "zc-store-plans.h"

/* Who may read a blob, and reading it.  The rules are below: the one
 * place to add a kind of record that refers to blobs. */

static gboolean
rule_uploader (ZcStoreTxn      *txn,
               const ZcCaller  *caller,
               const char      *sha256,
               gboolean        *allowed,
               GError         **error)
{
  return zc_store_blobs_is_uploader (txn, sha256, caller->account_id, allowed, error);
}

/* A live record the caller may see names the blob: any of their own
 * records (personal information, archive entries), and for a unit
 * officer the archive entries of their unit's people.  This is the
 * visibility of zc_record_service_get_visible_in(); keep the two alike. */
static gboolean
rule_record (ZcStoreTxn      *txn,
             const ZcCaller  *caller,
             const char      *sha256,
             gboolean        *allowed,
             GError         **error)
{
  const char *unit_id = caller->role == ZC_ROLE_UNIT_OFFICER ? caller->unit_id : NULL;

  return zc_store_blobs_find_in_records (txn, sha256, caller->account_id, unit_id,
                                         ZC_RECORD_KIND_ARCHIVE_PREFIX, allowed, error);
}

/* A declaration the caller may see names the blob in its body (photo,
 * signature, scans, attachment files) or in a frozen review-form
 * document (the picked entries' attachments): the visibility of
 * zc_declaration_service_get_visible_in(), in the query. */
static gboolean
rule_declaration (ZcStoreTxn      *txn,
                  const ZcCaller  *caller,
                  const char      *sha256,
                  gboolean        *allowed,
                  GError         **error)
{
  return zc_store_blobs_find_in_declarations (txn, sha256, caller->account_id, caller->role, caller->unit_id,
                                              allowed, error);
}

/* A plan's notice names the blob: applicants read the files of the
 * published and closed versions (any signed-in account may see those),
 * and a committee's officers the files of its drafts, as
 * zc_plan_service_get() shows them. */
static gboolean
rule_plan_notice (ZcStoreTxn      *txn,
                  const ZcCaller  *caller,
                  const char      *sha256,
                  gboolean        *allowed,
                  GError         **error)
{
  const char *committee_id = caller->role == ZC_ROLE_COMMITTEE_OFFICER ? caller->unit_id : NULL;

  return zc_store_plans_find_notice_file (txn, sha256, committee_id, allowed, error);
}

/* Who may read a blob: see ZcBlobReadRule.  Add a rule per kind of
 * record that references blobs. */
static const ZcBlobReadRule read_rules[] = {
  rule_uploader,
  rule_record,
  rule_declaration,
  rule_plan_notice,
};

/**
 * zc_blob_service_may_read_in:
 * @txn: a transaction of the caller's (read or write)
 * @allowed: (out): whether @caller may read the blob @sha256
 *
 * zc_blob_service_may_read() inside a transaction, for a service that
 * is about to store a record naming @sha256: naming a blob lends
 * access to it, so a record may only name blobs its author may read.
 * Errors are store errors.
 */
gboolean
zc_blob_service_may_read_in (ZcStoreTxn      *txn,
                             const ZcCaller  *caller,
                             const char      *sha256,
                             gboolean        *allowed,
                             GError         **error)
{
  g_return_val_if_fail (txn != NULL && caller != NULL && sha256 != NULL, FALSE);
  g_return_val_if_fail (allowed != NULL, FALSE);

  *allowed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (read_rules) && !*allowed; i++)
    {
      if (!read_rules[i] (txn, caller, sha256, allowed, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * zc_blob_service_may_read:
 *
 * Whether @caller may read the blob @sha256: they uploaded it, or a
 * rule of read_rules[] finds a record they may see that references it.
 * Not allowed is 404 not_found, the same answer as for a blob that does
 * not exist.
 */
gboolean
zc_blob_service_may_read (ZcContext       *ctx,
                          const ZcCaller  *caller,
                          const char      *sha256,
                          ZcLanguage       language,
                          GError         **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean allowed = FALSE;

  g_return_val_if_fail (ctx != NULL && caller != NULL, FALSE);

  if (!zc_blob_sha256_is_valid (sha256))
    {
      zc_api_set_not_found (error, language);
      return FALSE;
    }

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn == NULL || !zc_blob_service_may_read_in (txn, caller, sha256, &allowed, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return FALSE;
    }
  if (!allowed)
    zc_api_set_not_found (error, language);

  return allowed;
}

/**
 * zc_blob_service_get:
 *
 * Returns: (transfer full) (nullable): the blob's record, when @caller
 *   may read it (404 not_found otherwise)
 */
ZcBlob *
zc_blob_service_get (ZcBlobService   *service,
                     const ZcCaller  *caller,
                     const char      *sha256,
                     ZcLanguage       language,
                     GError         **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean allowed = FALSE;
  ZcBlob *blob;

  g_return_val_if_fail (service != NULL && caller != NULL, NULL);

  if (!zc_blob_sha256_is_valid (sha256))
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  txn = zc_store_begin_read (service->ctx->store, &local_error);
  if (txn == NULL || !zc_blob_service_may_read_in (txn, caller, sha256, &allowed, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  if (!allowed)
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  blob = zc_store_blobs_get (txn, sha256, &local_error);
  if (blob == NULL)
    {
      if (g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        zc_api_set_not_found (error, language);
      else
        zc_api_error_from_other (error, local_error, language);
    }

  return blob;
}

/**
 * zc_blob_service_read:
 * @blob: a blob zc_blob_service_get() gave
 *
 * Returns: (transfer full) (nullable): its bytes
 */
GBytes *
zc_blob_service_read (ZcBlobService  *service,
                      const ZcBlob   *blob,
                      ZcLanguage      language,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (service != NULL && blob != NULL, NULL);

  bytes = zc_blob_store_read (service->store, blob->sha256, &local_error);
  if (bytes == NULL)
    {
      /* recorded but gone: a restore without the blob folder, or worse */
      g_warning ("Blob %s is recorded but cannot be read: %s", blob->sha256, local_error->message);
      zc_api_error_from_other (error, local_error, language);
    }

  return bytes;
}

/**
 * zc_blob_service_check_photo:
 *
 * Checks the blob @sha256, which @caller may read, against the
 * deployment's ID photo rules.
 *
 * Returns: (transfer full) (nullable) (element-type ZcPhotoProblem):
 *   every problem found, empty when the photo is fine
 */
GPtrArray *
zc_blob_service_check_photo (ZcBlobService   *service,
                             const ZcCaller  *caller,
                             const char      *sha256,
                             ZcLanguage       language,
                             GError         **error)
{
  g_autoptr(ZcBlob) blob = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *problems = NULL;

  g_return_val_if_fail (service != NULL && caller != NULL, NULL);

  blob = zc_blob_service_get (service, caller, sha256, language, error);
  if (blob == NULL)
    return NULL;
  bytes = zc_blob_service_read (service, blob, language, error);
  if (bytes == NULL)
    return NULL;

  zc_photo_check_image (service->settings.photo_rules, bytes, language, &problems);
  return problems;
}
