/* zc-blob-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-blob"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-blob-service-private.h"
#include "zc-blob-store-folder.h"
#include "zc-photo-rules.h"
#include "zc-store-audit.h"

/* Enough of the start of a blob to tell its type. */
#define HEAD_BYTES 4096

#define MAX_BYTES_LOWEST  1024
#define MAX_BYTES_HIGHEST (256 * 1024 * 1024)


struct _ZcBlobIntake
{
  char          *sha256;          /* owned: the name it was sent under */
  char          *claimed_type;    /* owned, nullable: what Content-Type or the file name says */
  ZcBlobUpload  *upload;          /* owned, nullable: NULL when the blob is stored already */
  GChecksum     *checksum;        /* owned */
  guint8         head[HEAD_BYTES];
  gsize          head_length;
  goffset        size;
  goffset        max_bytes;
  gboolean       refused;         /* the type is wrong: keep hashing, stop writing */
  GError        *write_error;     /* owned, nullable: the first failed write */
};

/* ---- settings ---------------------------------------------------------- */

void
zc_blob_settings_init (ZcBlobSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->max_bytes = ZC_BLOB_DEFAULT_MAX_BYTES;
  settings->photo_rules = zc_photo_rules_get_default ();
}

/**
 * zc_blob_settings_load_environment:
 *
 * Reads ZHICHENG_BLOB_MAX_BYTES (1024 to 268435456) and
 * ZHICHENG_PHOTO_RULES (one of zc_photo_rules_list_names(): yunnan,
 * sichuan, henan) when they are set.
 */
gboolean
zc_blob_settings_load_environment (ZcBlobSettings  *settings,
                                   GError         **error)
{
  const char *max_text = g_getenv ("ZHICHENG_BLOB_MAX_BYTES");
  const char *rules_text = g_getenv ("ZHICHENG_PHOTO_RULES");
  guint64 max_bytes = 0;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (max_text != NULL && *max_text != '\0')
    {
      if (!g_ascii_string_to_unsigned (max_text, 10, MAX_BYTES_LOWEST, MAX_BYTES_HIGHEST, &max_bytes, NULL))
        {
          g_autofree char *lowest = g_strdup_printf ("%d", MAX_BYTES_LOWEST);
          g_autofree char *highest = g_strdup_printf ("%d", MAX_BYTES_HIGHEST);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s must be a whole number from %s to %s, not “%s”"),
                       "ZHICHENG_BLOB_MAX_BYTES", lowest, highest, max_text);
          return FALSE;
        }
      settings->max_bytes = (goffset) max_bytes;
    }

  if (rules_text != NULL && *rules_text != '\0')
    {
      const ZcPhotoRules *rules = zc_photo_rules_lookup (rules_text);

      if (rules == NULL)
        {
          g_autofree char *names = g_strjoinv (", ", (char **) zc_photo_rules_list_names ());

          /* Translators: the first %s is ZHICHENG_PHOTO_RULES, the second a list of names */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s must be one of %s, not “%s”"), "ZHICHENG_PHOTO_RULES", names, rules_text);
          return FALSE;
        }
      settings->photo_rules = rules;
    }

  return TRUE;
}

/* ---- types ------------------------------------------------------------- */

static const char * const allowed_types[] = { "application/pdf", "image/jpeg", "image/png", NULL };

/* Returns: (transfer none): the types a blob may have */
const char * const *
zc_blob_allowed_types (void)
{
  return allowed_types;
}

/**
 * zc_blob_sniff_mime:
 *
 * The type of a blob by its first bytes, whatever its name says: PDF
 * ("%PDF-"), JPEG (FF D8 FF) or PNG (its 8-byte signature).
 *
 * Returns: (nullable): the MIME type, or NULL for anything else
 */
const char *
zc_blob_sniff_mime (const guint8 *data,
                    gsize         size)
{
  const char *mime;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  /* the one magic-byte table, shared with the client and the photo rules */
  mime = zc_photo_sniff_mime (data, size);
  if (g_strcmp0 (mime, "application/pdf") == 0 ||
      g_strcmp0 (mime, "image/jpeg") == 0 ||
      g_strcmp0 (mime, "image/png") == 0)
    return mime;

  return NULL;
}

static const char *
describe_type (const char *mime)
{
  if (g_strcmp0 (mime, "application/pdf") == 0)
    return "PDF";
  if (g_strcmp0 (mime, "image/jpeg") == 0)
    return "JPEG";
  if (g_strcmp0 (mime, "image/png") == 0)
    return "PNG";
  return mime;
}

/* The type a Content-Type or a file name claims; NULL when it claims
 * nothing (absent, or a generic type that tools send by default). */
static char *
claimed_type (const char *content_type,
              const char *file_name)
{
  static const char * const aliases[][2] = {
    { "image/jpg", "image/jpeg" },
    { "image/pjpeg", "image/jpeg" },
    { "image/x-png", "image/png" },
    { "application/x-pdf", "application/pdf" },
  };
  g_autofree char *type = NULL;

  if (content_type != NULL && *content_type != '\0')
    type = g_ascii_strdown (content_type, -1);
  else if (file_name != NULL && *file_name != '\0')
    {
      g_autofree char *guess = g_content_type_guess (file_name, NULL, 0, NULL);

      type = g_content_type_get_mime_type (guess);
    }

  if (type == NULL || g_str_equal (type, "application/octet-stream") ||
      g_str_equal (type, "application/x-www-form-urlencoded"))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      if (g_str_equal (type, aliases[i][0]))
        return g_strdup (aliases[i][1]);
    }

  return g_steal_pointer (&type);
}

/* ---- the service ------------------------------------------------------- */

/**
 * zc_blob_service_new_full:
 * @store: where the bytes go
 */
ZcBlobService *
zc_blob_service_new_full (ZcContext            *ctx,
                          ZcBlobStore          *store,
                          const ZcBlobSettings *settings)
{
  ZcBlobService *service;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (ZC_IS_BLOB_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && settings->photo_rules != NULL, NULL);

  service = g_atomic_rc_box_new0 (ZcBlobService);
  service->ctx = zc_context_ref (ctx);
  service->store = g_object_ref (store);
  service->settings = *settings;

  return service;
}

/**
 * zc_blob_service_new:
 *
 * The service of a server: its settings from the environment
 * (zc_blob_settings_load_environment()), its blobs in the folder
 * DATA_DIR/blobs.
 *
 * Returns: (transfer full) (nullable): the service
 */
ZcBlobService *
zc_blob_service_new (ZcContext  *ctx,
                     GError    **error)
{
  g_autoptr(ZcBlobStore) store = NULL;
  g_autofree char *root = NULL;
  ZcBlobSettings settings;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zc_blob_settings_init (&settings);
  if (!zc_blob_settings_load_environment (&settings, error))
    return NULL;

  root = g_build_filename (ctx->options->data_dir, "blobs", NULL);
  store = zc_blob_store_folder_new (root, error);
  if (store == NULL)
    return NULL;

  return zc_blob_service_new_full (ctx, store, &settings);
}

ZcBlobService *
zc_blob_service_ref (ZcBlobService *service)
{
  g_return_val_if_fail (service != NULL, NULL);

  return g_atomic_rc_box_acquire (service);
}

static void
service_clear (gpointer data)
{
  ZcBlobService *service = data;

  g_clear_pointer (&service->ctx, zc_context_unref);
  g_clear_object (&service->store);
}

void
zc_blob_service_unref (ZcBlobService *service)
{
  if (service == NULL)
    return;

  g_atomic_rc_box_release_full (service, service_clear);
}

ZcContext *
zc_blob_service_get_context (ZcBlobService *service)
{
  g_return_val_if_fail (service != NULL, NULL);

  return service->ctx;
}

/* Returns: (transfer none): where the service keeps the bytes */
ZcBlobStore *
zc_blob_service_get_store (ZcBlobService *service)
{
  g_return_val_if_fail (service != NULL, NULL);

  return service->store;
}

const ZcBlobSettings *
zc_blob_service_get_settings (ZcBlobService *service)
{
  g_return_val_if_fail (service != NULL, NULL);

  return &service->settings;
}

/* ---- receiving --------------------------------------------------------- */

/**
 * zc_blob_service_begin_intake:
 * @sha256: the name the blob is sent under (checked by the caller)
 * @content_type: (nullable): the request's Content-Type
 * @file_name: (nullable): a file name the request gave
 *
 * Prepares to receive a blob: a temporary place for its bytes unless
 * it is stored already (then the bytes are only hashed, to prove the
 * sender holds them).  May block: call it from a worker thread.
 *
 * Returns: (transfer full) (nullable): the intake
 */
ZcBlobIntake *
zc_blob_service_begin_intake (ZcBlobService  *service,
                              const char     *sha256,
                              const char     *content_type,
                              const char     *file_name,
                              ZcLanguage      language,
                              GError        **error)
{
  g_autoptr(ZcBlobIntake) intake = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean stored = FALSE;

  g_return_val_if_fail (service != NULL, NULL);
  g_return_val_if_fail (zc_blob_sha256_is_valid (sha256), NULL);

  intake = g_new0 (ZcBlobIntake, 1);
  intake->sha256 = g_strdup (sha256);
  intake->claimed_type = claimed_type (content_type, file_name);
  intake->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  intake->max_bytes = service->settings.max_bytes;

  if (!zc_blob_store_contains (service->store, sha256, &stored, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  if (!stored)
    {
      intake->upload = zc_blob_store_begin_upload (service->store, &local_error);
      if (intake->upload == NULL)
        {
          zc_api_error_from_other (error, local_error, language);
          return NULL;
        }
    }

  return g_steal_pointer (&intake);
}

/**
 * zc_blob_intake_write:
 *
 * Takes the next chunk: hashes it and writes it to the temporary file.
 * A chunk of a few KiB is fine on the main loop.  A failure is kept and
 * reported by zc_blob_service_finish_intake().
 */
void
zc_blob_intake_write (ZcBlobIntake *intake,
                      const guint8 *data,
                      gsize         size)
{
  g_return_if_fail (intake != NULL);
  g_return_if_fail (data != NULL || size == 0);

  g_checksum_update (intake->checksum, data, (gssize) size);
  intake->size += (goffset) size;

  if (intake->head_length < HEAD_BYTES)
    {
      gsize n = MIN (size, HEAD_BYTES - intake->head_length);

      memcpy (intake->head + intake->head_length, data, n);
      intake->head_length += n;

      /* a wrong type is refused at the end anyway: stop writing it */
      if (intake->head_length >= 8 && zc_blob_sniff_mime (intake->head, intake->head_length) == NULL)
        intake->refused = TRUE;
    }

  if (intake->size > intake->max_bytes)
    intake->refused = TRUE;

  if (intake->upload != NULL && !intake->refused && intake->write_error == NULL)
    zc_blob_upload_write (intake->upload, data, size, &intake->write_error);
}

void
zc_blob_intake_free (ZcBlobIntake *intake)
{
  if (intake == NULL)
    return;

  g_free (intake->sha256);
  g_free (intake->claimed_type);
  g_clear_pointer (&intake->upload, zc_blob_upload_free);
  g_clear_pointer (&intake->checksum, g_checksum_free);
  g_clear_error (&intake->write_error);
  g_free (intake);
}

/* The content must be what its name, its type and the limit say. */
static const char *
check_content (ZcBlobIntake  *intake,
               ZcLanguage     language,
               GError       **error)
{
  const char *mime;

  if (intake->size > intake->max_bytes)
    {
      zc_api_set_error (error, ZC_BLOB_ERROR_TOO_LARGE, "body_too_large", NULL,
                        zc_translate (language, N_("The request is too large.")));
      return NULL;
    }

  if (!g_str_equal (g_checksum_get_string (intake->checksum), intake->sha256))
    {
      zc_api_set_error (error, ZC_BLOB_ERROR_MISMATCH, "hash_mismatch", NULL,
                        zc_translate (language, N_("The content does not match its SHA-256: it was changed or cut short on the way.")));
      return NULL;
    }

  mime = zc_blob_sniff_mime (intake->head, intake->head_length);
  if (mime == NULL)
    {
      g_autofree char *guess = g_content_type_guess (NULL, intake->head, intake->head_length, NULL);

      g_debug ("Refused blob %s: its content looks like %s", intake->sha256, guess);
      zc_api_set_error (error, ZC_BLOB_ERROR_UNSUPPORTED, "unsupported_type", NULL,
                        zc_translate (language, N_("Only PDF, JPEG and PNG files are accepted.")));
      return NULL;
    }

  if (intake->claimed_type != NULL && !g_str_equal (intake->claimed_type, mime))
    {
      /* Translators: %s is a file type: PDF, JPEG or PNG */
      g_autofree char *message = zc_translate_printf (language, N_("The file is a %s, not what its name or type says."),
                                                      describe_type (mime));

      zc_api_set_error (error, ZC_BLOB_ERROR_UNSUPPORTED, "type_mismatch", NULL, message);
      return NULL;
    }

  return mime;
}

/**
 * zc_blob_service_finish_intake:
 * @created: (out): whether the blob is new (FALSE when it was stored
 *   already, by anyone: it is not written again)
 *
 * Checks what arrived — 422 hash_mismatch when it is not what its name
 * says, 415 unsupported_type or type_mismatch for the wrong type — then
 * stores it durably and records it, with @caller among those who sent
 * it.  Nothing is left behind on refusal.  Call it from a worker thread.
 *
 * Returns: (transfer full) (nullable): the blob
 */
ZcBlob *
zc_blob_service_finish_intake (ZcBlobService   *service,
                               ZcBlobIntake    *intake,
                               const ZcCaller  *caller,
                               const char      *address,
                               ZcLanguage       language,
                               gboolean        *created,
                               GError         **error)
{
  g_autoptr(ZcBlob) blob = zc_blob_new ();
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  ZcAuditEntry entry = { .actor = caller->account_id, .action = "blob.upload", .address = address };
  const char *mime;

  g_return_val_if_fail (service != NULL && intake != NULL && caller != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);

  *created = FALSE;
  if (intake->write_error != NULL)
    {
      g_warning ("Cannot receive blob %s: %s", intake->sha256, intake->write_error->message);
      zc_api_set_error_retry (error, ZC_API_ERROR_UNAVAILABLE, "unavailable", 30,
                              zc_translate (language, N_("The server cannot store files right now. Please try again later.")));
      return NULL;
    }

  mime = check_content (intake, language, error);
  if (mime == NULL)
    return NULL;

  if (intake->upload != NULL && !zc_blob_upload_commit (intake->upload, intake->sha256, NULL, &local_error))
    {
      g_warning ("Cannot store blob %s: %s", intake->sha256, local_error->message);
      zc_api_set_error_retry (error, ZC_API_ERROR_UNAVAILABLE, "unavailable", 30,
                              zc_translate (language, N_("The server cannot store files right now. Please try again later.")));
      return NULL;
    }

  blob->sha256 = g_strdup (intake->sha256);
  blob->size = intake->size;
  blob->mime = g_strdup (mime);
  blob->owner = g_strdup (caller->account_id);
  blob->created_at = zc_context_now (service->ctx);
  detail = g_strdup_printf ("%s %" G_GINT64_FORMAT, mime, blob->size);
  entry.object = blob->sha256;
  entry.detail = detail;

  /* The row comes after the file: a crash in between leaves a file
   * without a row, which the next upload of it records. */
  txn = zc_store_begin_write (service->ctx->store, &local_error);
  if (txn == NULL ||
      !zc_store_blobs_insert (txn, blob, created, &local_error) ||
      !zc_store_blobs_add_uploader (txn, blob->sha256, caller->account_id, blob->created_at, &local_error) ||
      (*created && !zc_store_audit_append (txn, blob->created_at, &entry, &local_error)) ||
      !zc_store_txn_commit (txn, &local_error))
    {
      *created = FALSE;
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&blob);
}
