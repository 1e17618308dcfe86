/* zc-server-monitor.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-server-monitor"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "zc-server-monitor.h"

/* Knows whether the configured server answers.  It asks
 * GET /api/v1/health when created, every minute, and whenever the
 * network changes, never blocking the UI. */

#define RECHECK_SECONDS 60
#define TIMEOUT_SECONDS 10

struct _ZcServerMonitor
{
  GObject          parent_instance;

  char            *url;             /* owned */
  SoupSession     *session;         /* owned */
  GCancellable    *cancellable;     /* owned: the check in flight */
  GNetworkMonitor *network;         /* borrowed singleton */
  guint            recheck_id;

  ZcServerState    state;
  char            *server_version;  /* owned, nullable */
  char            *detail;          /* owned, nullable: why offline */
  gboolean         demo;
};

G_DEFINE_FINAL_TYPE (ZcServerMonitor, zc_server_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
zc_server_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ZC_SERVER_STATE_UNKNOWN, "ZC_SERVER_STATE_UNKNOWN", "unknown" },
        { ZC_SERVER_STATE_CHECKING, "ZC_SERVER_STATE_CHECKING", "checking" },
        { ZC_SERVER_STATE_ONLINE, "ZC_SERVER_STATE_ONLINE", "online" },
        { ZC_SERVER_STATE_OFFLINE, "ZC_SERVER_STATE_OFFLINE", "offline" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("ZcServerState", values));
    }

  return type_id;
}

static void
set_state (ZcServerMonitor *self,
           ZcServerState    state,
           const char      *detail)
{
  g_free (self->detail);
  self->detail = g_strdup (detail);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
parse_health (ZcServerMonitor  *self,
              GBytes           *body,
              GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  JsonNode *node;
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return FALSE;

  node = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;
  object = json_node_get_object (node);

  node = json_object_get_member (object, "service");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), "zhicheng-server") != 0)
    goto invalid;

  g_clear_pointer (&self->server_version, g_free);
  node = json_object_get_member (object, "version");
  if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    self->server_version = g_strdup (json_node_get_string (node));

  node = json_object_get_member (object, "demo");
  self->demo = node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
               json_node_get_boolean (node);

  return TRUE;

invalid:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The address does not belong to a Zhicheng server"));
  return FALSE;
}

static void
on_health_response (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ZcServerMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessage *msg;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (body == NULL)
    {
      set_state (self, ZC_SERVER_STATE_OFFLINE, error->message);
      return;
    }

  msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      g_autofree char *detail = g_strdup_printf (_("The server answered %u %s"),
                                                 soup_message_get_status (msg),
                                                 soup_message_get_reason_phrase (msg));
      set_state (self, ZC_SERVER_STATE_OFFLINE, detail);
      return;
    }

  if (!parse_health (self, body, &error))
    {
      set_state (self, ZC_SERVER_STATE_OFFLINE, error->message);
      return;
    }

  set_state (self, ZC_SERVER_STATE_ONLINE, NULL);
}

/**
 * zc_server_monitor_check:
 *
 * Asks the server now, replacing any check in flight.
 */
void
zc_server_monitor_check (ZcServerMonitor *self)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *health_url = NULL;

  g_return_if_fail (ZC_IS_SERVER_MONITOR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  health_url = g_strconcat (self->url, g_str_has_suffix (self->url, "/") ? "" : "/",
                            "api/v1/health", NULL);
  msg = soup_message_new (SOUP_METHOD_GET, health_url);
  if (msg == NULL)
    {
      set_state (self, ZC_SERVER_STATE_OFFLINE, _("The server address is not a valid URL"));
      return;
    }

  set_state (self, ZC_SERVER_STATE_CHECKING, NULL);
  self->cancellable = g_cancellable_new ();
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, self->cancellable,
                                    on_health_response, g_object_ref (self));
}

static gboolean
on_recheck_timeout (gpointer user_data)
{
  zc_server_monitor_check (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (GNetworkMonitor *network,
                    gboolean         available,
                    ZcServerMonitor *self)
{
  zc_server_monitor_check (self);
}

static void
zc_server_monitor_constructed (GObject *object)
{
  ZcServerMonitor *self = ZC_SERVER_MONITOR (object);

  G_OBJECT_CLASS (zc_server_monitor_parent_class)->constructed (object);

  /* No proxy for a server that is usually on the LAN or loopback, and
   * GIO's proxy module would need GSettings schemas in tests. */
  self->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                 "proxy-resolver", NULL,
                                                 "user-agent", "zhicheng/" PACKAGE_VERSION,
                                                 NULL);
  self->network = g_network_monitor_get_default ();
  g_signal_connect_object (self->network, "network-changed",
                           G_CALLBACK (on_network_changed), self, 0);
  self->recheck_id = g_timeout_add_seconds (RECHECK_SECONDS, on_recheck_timeout, self);
}

static void
zc_server_monitor_dispose (GObject *object)
{
  ZcServerMonitor *self = ZC_SERVER_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  self->network = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (zc_server_monitor_parent_class)->dispose (object);
}

static void
zc_server_monitor_finalize (GObject *object)
{
  ZcServerMonitor *self = ZC_SERVER_MONITOR (object);

  g_free (self->url);
  g_free (self->server_version);
  g_free (self->detail);

  G_OBJECT_CLASS (zc_server_monitor_parent_class)->finalize (object);
}

static void
zc_server_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZcServerMonitor *self = ZC_SERVER_MONITOR (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_server_monitor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZcServerMonitor *self = ZC_SERVER_MONITOR (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_server_monitor_class_init (ZcServerMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = zc_server_monitor_constructed;
  object_class->dispose = zc_server_monitor_dispose;
  object_class->finalize = zc_server_monitor_finalize;
  object_class->get_property = zc_server_monitor_get_property;
  object_class->set_property = zc_server_monitor_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, ZC_TYPE_SERVER_STATE, ZC_SERVER_STATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zc_server_monitor_init (ZcServerMonitor *self)
{
}

ZcServerMonitor *
zc_server_monitor_new (const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (ZC_TYPE_SERVER_MONITOR, "url", url, NULL);
}

const char *
zc_server_monitor_get_url (ZcServerMonitor *self)
{
  g_return_val_if_fail (ZC_IS_SERVER_MONITOR (self), NULL);
  return self->url;
}

ZcServerState
zc_server_monitor_get_state (ZcServerMonitor *self)
{
  g_return_val_if_fail (ZC_IS_SERVER_MONITOR (self), ZC_SERVER_STATE_UNKNOWN);
  return self->state;
}

const char *
zc_server_monitor_get_server_version (ZcServerMonitor *self)
{
  g_return_val_if_fail (ZC_IS_SERVER_MONITOR (self), NULL);
  return self->server_version;
}

const char *
zc_server_monitor_get_detail (ZcServerMonitor *self)
{
  g_return_val_if_fail (ZC_IS_SERVER_MONITOR (self), NULL);
  return self->detail;
}

gboolean
zc_server_monitor_get_demo (ZcServerMonitor *self)
{
  g_return_val_if_fail (ZC_IS_SERVER_MONITOR (self), FALSE);
  return self->demo;
}

/**
 * zc_server_monitor_describe:
 *
 * Returns: (transfer full): one sentence for the user about the server
 */
char *
zc_server_monitor_describe (ZcServerMonitor *self)
{
  g_return_val_if_fail (ZC_IS_SERVER_MONITOR (self), NULL);

  switch (self->state)
    {
    case ZC_SERVER_STATE_ONLINE:
      if (self->demo)
        /* Translators: %s is the server's address */
        return g_strdup_printf (_("Connected to the demonstration server at %s"), self->url);
      /* Translators: %s is the server's address */
      return g_strdup_printf (_("Connected to the server at %s"), self->url);

    case ZC_SERVER_STATE_OFFLINE:
      /* Translators: %s is the server's address; work continues locally */
      return g_strdup_printf (_("The server at %s cannot be reached. You can keep working; changes wait until it is back."),
                              self->url);

    case ZC_SERVER_STATE_CHECKING:
      /* Translators: %s is the server's address */
      return g_strdup_printf (_("Contacting the server at %s…"), self->url);

    case ZC_SERVER_STATE_UNKNOWN:
    default:
      return g_strdup (_("Server status unknown"));
    }
}
