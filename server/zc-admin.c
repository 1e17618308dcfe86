/* zc-admin.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-admin"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "zc-account-service.h"
#include "zc-admin.h"
#include "zc-api-error.h"
#include "zc-api-json.h"
#include "zc-archive-import.h"
#include "zc-context.h"
#include "zc-plan-service.h"
#include "zc-sqlite-store.h"
#include "zc-store-audit.h"
#include "zc-unit-service.h"

#define EXIT_USAGE 2

typedef struct
{
  ZcContext *ctx;        /* owned */
  gboolean   json;
  ZcActor    actor;
} Admin;

typedef int (*CommandFunc) (Admin *admin, int argc, char **argv);

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Reports @error: on stderr always, and as {code, message} on stdout with --json. */
static int
fail (Admin        *admin,
      const GError *error)
{
  const char *code = zc_api_error_get_code (error);

  g_printerr ("zhicheng-server admin: %s\n", error->message);
  if (admin->json)
    {
      g_autoptr(JsonNode) body = zc_api_error_body (code != NULL ? code : "failed", error->message,
                                                    zc_api_error_get_field (error), NULL);

      print_json (body);
    }

  return EXIT_FAILURE;
}

/* Parses a command's options; none may be left over. */
static gboolean
parse_command (const char    *name,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (name);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("zhicheng-server admin %s: %s\n", name, error->message);
      return FALSE;
    }
  if (*argc > 1)
    {
      g_printerr ("zhicheng-server admin %s: ", name);
      g_printerr (_("Unexpected argument “%s”"), (*argv)[1]);
      g_printerr ("\n");
      return FALSE;
    }

  return TRUE;
}

static gboolean
require (const char *command,
         const char *value,
         const char *option)
{
  if (value == NULL)
    {
      g_printerr ("zhicheng-server admin %s: ", command);
      g_printerr (_("--%s is required"), option);
      g_printerr ("\n");
    }

  return value != NULL;
}

static int
create_unit (Admin  *admin,
             int     argc,
             char  **argv)
{
  g_autofree char *name = NULL, *credit_code = NULL, *region = NULL, *kind_text = NULL, *department = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Unit name"), N_("NAME") },
    { "credit-code", 0, 0, G_OPTION_ARG_STRING, &credit_code, N_("Unified social credit code"), N_("CODE") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Region code, 6 digits"), N_("CODE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("employer, hr_bureau, department, committee or issuer"), N_("KIND") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("Id of the competent department"), N_("ID") },
    { NULL }
  };
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  ZcUnitSpec spec = { 0 };

  if (!parse_command ("create-unit", entries, &argc, &argv) ||
      !require ("create-unit", name, "name") || !require ("create-unit", credit_code, "credit-code") ||
      !require ("create-unit", region, "region") || !require ("create-unit", kind_text, "kind"))
    return EXIT_USAGE;
  if (!zc_unit_kind_from_string (kind_text, &spec.kind))
    {
      g_printerr ("zhicheng-server admin create-unit: ");
      g_printerr (_("Unknown kind of unit “%s”"), kind_text);
      g_printerr ("\n");
      return EXIT_USAGE;
    }

  spec.name = name;
  spec.credit_code = credit_code;
  spec.region_code = region;
  spec.department_id = department;
  unit = zc_unit_service_create (admin->ctx, &spec, &admin->actor, ZC_LANGUAGE_LOCALE, &error);
  if (unit == NULL)
    return fail (admin, error);

  if (admin->json)
    {
      g_autoptr(JsonNode) node = zc_api_json_unit (unit, ZC_API_UNIT_FULL);

      print_json (node);
    }
  else
    g_print ("unit-id: %s\n", unit->id);

  return EXIT_SUCCESS;
}

static gboolean
parse_role (const char *command,
            const char *text,
            ZcRole     *role)
{
  if (!zc_role_from_string (text, role))
    {
      g_printerr ("zhicheng-server admin %s: ", command);
      g_printerr (_("Unknown role “%s”"), text);
      g_printerr ("\n");
      return FALSE;
    }

  return TRUE;
}

static int
print_account (Admin      *admin,
               ZcAccount  *account,
               const char *initial_password)
{
  if (admin->json)
    {
      g_autoptr(JsonNode) node = zc_api_json_account (account, NULL);

      if (initial_password != NULL)
        json_object_set_string_member (json_node_get_object (node), "initial_password", initial_password);
      print_json (node);
    }
  else
    {
      g_print ("account-id: %s\n", account->id);
      g_print ("role: %s\n", zc_role_to_string (account->role));
      if (initial_password != NULL)
        g_print ("initial-password: %s\n", initial_password);
    }

  return EXIT_SUCCESS;
}

static int
create_account (Admin  *admin,
                int     argc,
                char  **argv)
{
  g_autofree char *id_number = NULL, *name = NULL, *mobile = NULL, *role_text = NULL, *unit = NULL;
  g_autofree char *password = NULL;
  GOptionEntry entries[] = {
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("Resident ID number"), N_("NUMBER") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name"), N_("NAME") },
    { "mobile", 0, 0, G_OPTION_ARG_STRING, &mobile, N_("Mobile number"), N_("NUMBER") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      N_("applicant, unit_officer, department_officer, committee_officer, issuer or admin"), N_("ROLE") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Id of the unit"), N_("ID") },
    { NULL }
  };
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  ZcAccountSpec spec = { 0 };

  if (!parse_command ("create-account", entries, &argc, &argv) ||
      !require ("create-account", id_number, "id-number") || !require ("create-account", name, "name") ||
      !require ("create-account", role_text, "role") || !parse_role ("create-account", role_text, &spec.role))
    return EXIT_USAGE;

  spec.id_number = id_number;
  spec.name = name;
  spec.mobile = mobile;
  spec.unit_id = unit;
  account = zc_account_service_create (admin->ctx, &spec, &admin->actor, &password, ZC_LANGUAGE_LOCALE, &error);
  if (account == NULL)
    return fail (admin, error);

  return print_account (admin, account, password);
}

static int
set_role (Admin  *admin,
          int     argc,
          char  **argv)
{
  g_autofree char *who = NULL, *role_text = NULL, *unit = NULL;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &who, N_("Account id or ID number"), N_("ACCOUNT") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("The new role"), N_("ROLE") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Id of the unit (none for an admin)"), N_("ID") },
    { NULL }
  };
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(ZcAccount) changed = NULL;
  g_autoptr(GError) error = NULL;
  ZcRole role;

  if (!parse_command ("set-role", entries, &argc, &argv) ||
      !require ("set-role", who, "account") || !require ("set-role", role_text, "role") ||
      !parse_role ("set-role", role_text, &role))
    return EXIT_USAGE;

  account = zc_account_service_find (admin->ctx, who, ZC_LANGUAGE_LOCALE, &error);
  if (account == NULL)
    return fail (admin, error);
  changed = zc_account_service_set_role (admin->ctx, account->id, role, unit, &admin->actor,
                                         ZC_LANGUAGE_LOCALE, &error);
  if (changed == NULL)
    return fail (admin, error);

  return print_account (admin, changed, NULL);
}

static int
reset_password (Admin  *admin,
                int     argc,
                char  **argv)
{
  g_autofree char *who = NULL;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &who, N_("Account id or ID number"), N_("ACCOUNT") },
    { NULL }
  };
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (!parse_command ("reset-password", entries, &argc, &argv) || !require ("reset-password", who, "account"))
    return EXIT_USAGE;

  account = zc_account_service_find (admin->ctx, who, ZC_LANGUAGE_LOCALE, &error);
  if (account == NULL)
    return fail (admin, error);
  password = zc_account_service_reset_password (admin->ctx, account->id, &admin->actor, ZC_LANGUAGE_LOCALE, &error);
  if (password == NULL)
    return fail (admin, error);

  account->must_change_password = TRUE;
  return print_account (admin, account, password);
}

static int
backup (Admin  *admin,
        int     argc,
        char  **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file to write (must not exist)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  if (!parse_command ("backup", entries, &argc, &argv) || !require ("backup", output, "output"))
    return EXIT_USAGE;

  if (!zc_store_backup (admin->ctx->store, output, &error))
    return fail (admin, error);

  if (admin->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "backup", output);
      json_node_take_object (node, object);
      print_json (node);
    }
  else
    g_print ("backup: %s\n", output);

  return EXIT_SUCCESS;
}

static int
verify_audit (Admin  *admin,
              int     argc,
              char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_checked = 0;
  gint64 first_broken = 0;

  if (!parse_command ("verify-audit", entries, &argc, &argv))
    return EXIT_USAGE;

  txn = zc_store_begin_read (admin->ctx->store, &error);
  if (txn == NULL || !zc_store_audit_verify (txn, &n_checked, &first_broken, &error))
    return fail (admin, error);

  g_print ("rows: %" G_GINT64_FORMAT "\n", n_checked);
  if (first_broken != 0)
    {
      g_print ("broken-at: %" G_GINT64_FORMAT "\n", first_broken);
      return EXIT_FAILURE;
    }
  g_print ("chain: ok\n");

  return EXIT_SUCCESS;
}

static void
print_integrity_record (Admin                   *admin,
                        const ZcIntegrityRecord *record)
{
  g_autoptr(JsonNode) node = zc_integrity_record_to_json (record);
  JsonObject *object = json_node_get_object (node);

  if (admin->json)
    {
      print_json (node);
      return;
    }

  g_print ("integrity-id: %s\n", record->id);
  g_print ("id-number: %s\n", record->id_number);
  g_print ("until: %s\n", json_object_get_string_member (object, "until"));
  g_print ("reason: %s\n", record->reason);
}

static int
integrity_add (Admin  *admin,
               int     argc,
               char  **argv)
{
  g_autofree char *id_number = NULL, *until = NULL, *reason = NULL;
  GOptionEntry entries[] = {
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("Resident ID number"), N_("NUMBER") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Last day of the ban"), N_("YYYY-MM-DD") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why declaring is banned"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(ZcIntegrityRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command ("integrity-add", entries, &argc, &argv) ||
      !require ("integrity-add", id_number, "id-number") || !require ("integrity-add", until, "until") ||
      !require ("integrity-add", reason, "reason"))
    return EXIT_USAGE;

  record = zc_integrity_service_add (admin->ctx, id_number, until, reason, &admin->actor, ZC_LANGUAGE_LOCALE, &error);
  if (record == NULL)
    return fail (admin, error);

  print_integrity_record (admin, record);
  return EXIT_SUCCESS;
}

static int
integrity_list (Admin  *admin,
                int     argc,
                char  **argv)
{
  g_autofree char *id_number = NULL;
  gboolean active = FALSE;
  GOptionEntry entries[] = {
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("Only this resident ID number"), N_("NUMBER") },
    { "active", 0, 0, G_OPTION_ARG_NONE, &active, N_("Only the records in force"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command ("integrity-list", entries, &argc, &argv))
    return EXIT_USAGE;

  records = zc_integrity_service_list (admin->ctx, id_number, active, ZC_LANGUAGE_LOCALE, &error);
  if (records == NULL)
    return fail (admin, error);

  if (admin->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < records->len; i++)
        json_array_add_element (array, zc_integrity_record_to_json (records->pdata[i]));
      json_node_take_array (node, array);
      print_json (node);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < records->len; i++)
    {
      const ZcIntegrityRecord *record = records->pdata[i];
      g_autoptr(JsonNode) node = zc_integrity_record_to_json (record);

      g_print ("%s  %s  %s  %s\n", record->id, record->id_number,
               json_object_get_string_member (json_node_get_object (node), "until"), record->reason);
    }

  return EXIT_SUCCESS;
}

static int
integrity_remove (Admin  *admin,
                  int     argc,
                  char  **argv)
{
  g_autofree char *id = NULL;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("Id of the integrity record"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  if (!parse_command ("integrity-remove", entries, &argc, &argv) || !require ("integrity-remove", id, "id"))
    return EXIT_USAGE;

  if (!zc_integrity_service_remove (admin->ctx, id, &admin->actor, ZC_LANGUAGE_LOCALE, &error))
    return fail (admin, error);

  if (admin->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "removed", id);
      json_node_take_object (node, object);
      print_json (node);
    }
  else
    g_print ("removed: %s\n", id);

  return EXIT_SUCCESS;
}

static int
import_entries (Admin  *admin,
                int     argc,
                char  **argv)
{
  g_autofree char *file = NULL;
  GOptionEntry entries[] = {
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("The import file (JSON, docs/deployment.md)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  ZcImportSummary summary;

  if (!parse_command ("import-entries", entries, &argc, &argv) || !require ("import-entries", file, "file"))
    return EXIT_USAGE;

  if (!zc_archive_import_file (admin->ctx, file, ZC_LANGUAGE_LOCALE, &summary, &error))
    return fail (admin, error);

  if (admin->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "imported", summary.imported);
      json_object_set_int_member (object, "already_there", summary.already_there);
      json_node_take_object (node, object);
      print_json (node);
    }
  else
    g_print ("imported: %u\nalready-there: %u\n", summary.imported, summary.already_there);

  return EXIT_SUCCESS;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "create-unit", create_unit, "--name N --credit-code C --region R --kind K [--department ID]" },
  { "create-account", create_account, "--id-number X --name N [--mobile M] --role R [--unit ID]" },
  { "set-role", set_role, "--account ID|ID-NUMBER --role R [--unit ID]" },
  { "reset-password", reset_password, "--account ID|ID-NUMBER" },
  { "backup", backup, "--output FILE" },
  { "verify-audit", verify_audit, "" },
  { "integrity-add", integrity_add, "--id-number X --until YYYY-MM-DD --reason TEXT" },
  { "integrity-list", integrity_list, "[--id-number X] [--active]" },
  { "integrity-remove", integrity_remove, "--id ID" },
  { "import-entries", import_entries, "--file FILE" },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-16s %s\n", commands[i].name, commands[i].summary);

  return g_string_free (text, FALSE);
}

/**
 * zc_admin_main:
 * @argv: starts with "admin"
 */
int
zc_admin_main (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [OPTIONS]"));
  g_autoptr(ZcServerOptions) options = zc_server_options_new ();
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *description = describe_commands ();
  gboolean json = FALSE;
  Admin admin = { NULL };
  GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, N_("The server’s data folder"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print results as JSON"), NULL },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Administer the database of a Zhicheng server, also while it runs."));
  g_option_context_set_description (context, description);
  /* stop at the command: its options are its own */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("zhicheng-server admin: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (data_dir == NULL || argc < 2)
    {
      g_printerr ("zhicheng-server admin: %s\n%s", _("--data-dir and a command are required"), description);
      return EXIT_USAGE;
    }
  if (!zc_server_options_load_environment (options, &error))
    {
      g_printerr ("zhicheng-server admin: %s\n", error->message);
      return EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[1], commands[i].name))
        continue;

      if (g_mkdir_with_parents (data_dir, 0700) != 0)
        {
          g_printerr ("zhicheng-server admin: ");
          g_printerr (_("Cannot create the data folder %s: %s"), data_dir, g_strerror (errno));
          g_printerr ("\n");
          return EXIT_FAILURE;
        }
      db_path = g_build_filename (data_dir, "zhicheng.db", NULL);
      store = zc_sqlite_store_open (db_path, &error);
      if (store == NULL)
        {
          g_printerr ("zhicheng-server admin: %s\n", error->message);
          return EXIT_FAILURE;
        }

      admin.ctx = zc_context_new (store, options);
      admin.json = json;
      admin.actor.address = "admin-command";
      status = commands[i].func (&admin, argc - 1, argv + 1);
      zc_context_unref (admin.ctx);
      return status;
    }

  g_printerr ("zhicheng-server admin: ");
  g_printerr (_("Unknown command “%s”"), argv[1]);
  g_printerr ("\n%s", description);
  return EXIT_USAGE;
}
