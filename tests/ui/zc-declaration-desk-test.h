/* zc-declaration-desk-test.h: what the declaration desk's UI tests
 * share — the applicant and the reviewers over HTTP, the desk driven as
 * a reviewer drives it, the server's clock moved for the publicity days
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "zc-declaration-desk.h"
#include "zc-test-client.h"
#include "zc-test-server.h"

G_BEGIN_DECLS

/* server/zc-demo-plans.h: the demo committee's review plan, its windows
 * open around the day the demo is seeded */
#define ZC_DESK_TEST_PLAN_ID        "de600000-0000-4000-8000-000000000001"
/* its determination plan (职称初定: unit → issuer) */
#define ZC_DESK_TEST_DETERMINATION_PLAN_ID "de600000-0000-4000-8000-000000000002"
#define ZC_DESK_TEST_EDUCATION_ID   "de300000-0000-4000-8000-000000000102"
/* server/zc-demo-declarations.h: 周涛's declaration to that plan,
 * waiting in the hospital's review when the demo is seeded */
#define ZC_DESK_TEST_DEMO_DECLARATION_ID "de700000-0000-4000-8000-000000000001"
#define ZC_DESK_TEST_DEMO_DECLARANT "周涛"

/* Waits (iterating the main loop) until @done, failing after a minute. */
void               zc_desk_test_wait_until      (gboolean                  (*done) (gpointer data),
                                                 gpointer                    data);

/* The server, with --demo, its clock @days from now (10:00 in Beijing);
 * @listen, when given, the fixed "127.0.0.1:PORT" to come back on. */
ZcTestServer      *zc_desk_test_start_server    (const char                 *data_dir,
                                                 int                         days,
                                                 const char                 *listen);
/* A free loopback address "127.0.0.1:PORT", for a server that restarts. */
char              *zc_desk_test_free_address    (void);
/* Days from today in Beijing to @date. */
int                zc_desk_test_days_until      (const GDate                *date);
/* Today in Beijing, @days on. */
void               zc_desk_test_today           (int                         days,
                                                 GDate                      *result);
/* The earliest end of a publicity that starts on @start. */
void               zc_desk_test_publicity_end   (const GDate                *start,
                                                 GDate                      *result);
char              *zc_desk_test_format_date     (const GDate                *date);

/* Over HTTP: fails the test unless the answer's status is @expected. */
JsonNode          *zc_desk_test_call            (ZcTestServer               *server,
                                                 const char                 *method,
                                                 const char                 *path,
                                                 const char                 *token,
                                                 const char                 *body,
                                                 guint                       expected);
void               zc_desk_test_act             (ZcTestServer               *server,
                                                 const char                 *token,
                                                 const char                 *id,
                                                 const char                 *action,
                                                 const char                 *expected_state,
                                                 const char                 *comment);
/* @args: (nullable): the action's "args" as JSON text */
void               zc_desk_test_act_with_args   (ZcTestServer               *server,
                                                 const char                 *token,
                                                 const char                 *id,
                                                 const char                 *action,
                                                 const char                 *expected_state,
                                                 const char                 *args);
/* GET /api/v1/declarations/@id as @token sees it. */
JsonObject        *zc_desk_test_get_declaration (ZcTestServer               *server,
                                                 const char                 *token,
                                                 const char                 *id);
const char        *zc_desk_test_server_state    (JsonObject                 *declaration);
/* The steps of its "timeline" whose action is @action. */
guint              zc_desk_test_count_steps     (JsonObject                 *declaration,
                                                 const char                 *action);
/* The last step of its "timeline" with @action, or NULL. */
JsonObject        *zc_desk_test_last_step       (JsonObject                 *declaration,
                                                 const char                 *action);
/* The data of its last event of @action ("events"), or NULL. */
JsonObject        *zc_desk_test_last_event_data (JsonObject                 *declaration,
                                                 const char                 *action);
/* A complete declaration of the demo applicant (张伟) to the demo
 * plan, submitted; returns its id. */
char              *zc_desk_test_submit_declaration (ZcTestServer           *server,
                                                    const char             *token);
/* The same applicant's complete request to the demo determination plan,
 * submitted; returns its id. */
char              *zc_desk_test_submit_determination (ZcTestServer         *server,
                                                      const char           *token);

/* The desk */

typedef struct
{
  ZcDeclarationDesk *desk;
  const char        *id;
  const char        *state;
} ZcDeskExpect;

/* Conditions for zc_desk_test_wait_until() */
gboolean           zc_desk_test_desk_idle       (gpointer                    expect);
gboolean           zc_desk_test_desk_lists      (gpointer                    expect);
/* The declaration shown in its state, its review form loaded. */
gboolean           zc_desk_test_desk_shows      (gpointer                    expect);
gboolean           zc_desk_test_dialog_gone     (gpointer                    desk);
gboolean           zc_desk_test_dialog_open     (gpointer                    desk);

/* Syncs @client and shows its desk in @window. */
ZcDeclarationDesk *zc_desk_test_open_desk       (GtkWidget                  *window,
                                                 ZcTestClient               *client);
/* Shows @id and waits for it in @state with its review form. */
void               zc_desk_test_show            (ZcDeclarationDesk          *desk,
                                                 const char                 *id,
                                                 const char                 *state);
/* Opens @action's dialog from the keyboard: the button's mnemonic. */
ZcDeclarationActionDialog *
                   zc_desk_test_open_action     (ZcDeclarationDesk          *desk,
                                                 ZcDeclarationAction         action);
/* Sends the dialog with Ctrl+Enter from its focused field: the action
 * is queued and the dialog closes. */
void               zc_desk_test_confirm         (ZcDeclarationActionDialog  *dialog,
                                                 ZcDeclarationDesk          *desk);
/* zc_desk_test_confirm(), then the sync, and waits for @id in @state. */
void               zc_desk_test_send            (ZcTestClient               *client,
                                                 ZcDeclarationDesk          *desk,
                                                 ZcDeclarationActionDialog  *dialog,
                                                 const char                 *id,
                                                 const char                 *state);

G_END_DECLS
