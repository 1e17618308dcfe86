/* zc-server.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zc-api-blobs.h"
#include "zc-declaration-preview.h"
#include "zc-api-health.h"
#include "zc-api-routes.h"
#include "zc-context.h"
#include "zc-demo.h"
#include "zc-http.h"
#include "zc-server.h"
#include "zc-sqlite-store.h"
#include "zc-sync-service.h"

struct _ZcServer
{
  GObject          parent_instance;

  ZcServerOptions *options;   /* owned copy */
  ZcStore         *store;     /* owned */
  ZcContext       *ctx;       /* owned */
  ZcApi           *api;       /* owned */
  SoupServer      *soup;      /* owned */
};

G_DEFINE_FINAL_TYPE (ZcServer, zc_server, G_TYPE_OBJECT)

static void
zc_server_finalize (GObject *object)
{
  ZcServer *self = ZC_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->api, zc_api_unref);
  g_clear_pointer (&self->ctx, zc_context_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->options, zc_server_options_free);

  G_OBJECT_CLASS (zc_server_parent_class)->finalize (object);
}

static void
zc_server_class_init (ZcServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zc_server_finalize;
}

static void
zc_server_init (ZcServer *self)
{
}

static void
not_found_handler (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  zc_http_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found",
                         N_("There is nothing at this address."));
}

/* Deletions older than any client stays offline are forgotten; a
 * client that was away longer gets a reset at its next pull. */
static gboolean
purge_tombstones (ZcContext  *ctx,
                  guint       days,
                  GError    **error)
{
  gint64 before = zc_context_now (ctx) - (gint64) days * 24 * 3600 * G_USEC_PER_SEC;
  gint64 n_purged = 0;

  if (!zc_sync_service_purge_tombstones (ctx, before, &n_purged, error))
    return FALSE;
  if (n_purged > 0)
    g_message ("Forgot %" G_GINT64_FORMAT " deletions older than %u days", n_purged, days);

  return TRUE;
}

/**
 * zc_server_new:
 *
 * Creates the data folder if needed and opens (and migrates) the
 * database in it.  Nothing listens until zc_server_start().
 */
ZcServer *
zc_server_new (const ZcServerOptions  *options,
               GError                **error)
{
  g_autoptr(ZcServer) self = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(ZcBlobService) blobs = NULL;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZC_TYPE_SERVER, NULL);
  self->options = zc_server_options_copy (options);

  if (g_mkdir_with_parents (options->data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the data folder %s: %s"),
                   options->data_dir, g_strerror (saved_errno));
      return NULL;
    }

  db_path = g_build_filename (options->data_dir, "zhicheng.db", NULL);
  self->store = zc_sqlite_store_open (db_path, error);
  if (self->store == NULL)
    return NULL;

  self->ctx = zc_context_new (self->store, options);
  /* before the demo: its declaration hands in files */
  blobs = zc_blob_service_new (self->ctx, error);
  if (blobs == NULL)
    return NULL;
  if (options->demo && !zc_demo_seed (self->ctx, zc_blob_service_get_store (blobs), error))
    return NULL;
  if (!purge_tombstones (self->ctx, options->tombstone_days, error))
    return NULL;

  if (options->tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (options->tls_cert, options->tls_key, error);
      if (certificate == NULL)
        return NULL;
    }

  self->soup = soup_server_new ("server-header", "zhicheng-server/" PACKAGE_VERSION " ",
                                "tls-certificate", certificate,
                                NULL);
  zc_http_add_handler (self->soup, "/", not_found_handler, NULL, NULL);
  zc_http_add_handler (self->soup, "/api/v1/health", zc_api_health_handler,
                       g_object_ref (self->store), g_object_unref);

  zc_api_blobs_install (blobs, self->soup);
  zc_api_declaration_pdf_install (blobs, self->soup);

  self->api = zc_api_new (self->ctx);
  zc_api_sessions_register (self->api);
  zc_api_me_register (self->api);
  zc_api_accounts_register (self->api);
  zc_api_units_register (self->api);
  zc_api_bindings_register (self->api);
  zc_api_archive_register (self->api);
  zc_api_review_register (self->api);
  zc_api_messages_register (self->api);
  zc_api_sync_register (self->api);
  zc_api_declarations_register (self->api);
  zc_api_plans_register (self->api);
  zc_api_install (self->api, self->soup);

  return g_steal_pointer (&self);
}

gboolean
zc_server_start (ZcServer  *self,
                 GError   **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GResolver) resolver = NULL;
  SoupServerListenOptions listen_options = 0;

  g_return_val_if_fail (ZC_IS_SERVER (self), FALSE);

  address = g_inet_address_new_from_string (self->options->listen_host);
  if (address == NULL)
    {
      g_autolist(GInetAddress) addresses = NULL;

      resolver = g_resolver_get_default ();
      addresses = g_resolver_lookup_by_name (resolver, self->options->listen_host, NULL, error);
      if (addresses == NULL)
        return FALSE;
      address = g_object_ref (addresses->data);
    }

  if (self->options->tls_cert != NULL)
    listen_options |= SOUP_SERVER_LISTEN_HTTPS;

  socket_address = g_inet_socket_address_new (address, self->options->listen_port);
  return soup_server_listen (self->soup, socket_address, listen_options, error);
}

/**
 * zc_server_get_uri:
 *
 * Returns: (transfer full) (nullable): the address the server listens on
 */
GUri *
zc_server_get_uri (ZcServer *self)
{
  GSList *uris;
  GUri *uri = NULL;

  g_return_val_if_fail (ZC_IS_SERVER (self), NULL);

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    uri = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return uri;
}

ZcStore *
zc_server_get_store (ZcServer *self)
{
  g_return_val_if_fail (ZC_IS_SERVER (self), NULL);

  return self->store;
}
