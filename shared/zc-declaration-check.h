/* zc-declaration-check.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-declaration-workflow.h"
#include "zc-holiday-calendar.h"
#include "zc-i18n.h"
#include "zc-plan.h"
#include "zc-record.h"
#include "zc-taxonomy.h"

G_BEGIN_DECLS

/* The check (开始检测, Anhui §7; SPEC "Declaration" step 8): one
 * function run by the client offline and by the server at submission.
 * The items and their rules are the table of docs/declarations.md. */

/* Another declaration of the same applicant, as the check sees it. */
typedef struct
{
  const char         *id;
  gint64              plan_year;
  ZcDeclarationState  state;
} ZcDeclarationSummary;

/* An integrity record (诚信档案) in force until @until. */
typedef struct
{
  GDateTime  *until;
  const char *reason;
} ZcIntegrityBan;

typedef struct
{
  ZcPlan      *plan;                 /* the plan version declared to */
  JsonObject  *body;                 /* the declaration body */
  const char  *declaration_id;       /* nullable: left out of @others */
  gboolean     resubmission;         /* after a return: the modification deadline */
  JsonObject  *personal_info;        /* nullable: the personal-information body */
  gboolean     has_personal_photo;   /* the personal information has an ID photo */
  GPtrArray   *archive;              /* ZcRecord of kinds archive:*, the applicant's live entries */
  const ZcDeclarationSummary *others;  /* the applicant's other declarations */
  guint        n_others;
  const ZcIntegrityBan *bans;        /* nullable with @bans_known FALSE */
  guint        n_bans;
  gboolean     bans_known;           /* FALSE in the client: the item says the server checks it */
  const char  *unit_id;              /* the applicant's unit, nullable */
  const char  *unit_region_code;     /* nullable */
  GDateTime   *now;
  ZcTaxonomy  *taxonomy;
} ZcCheckInput;

typedef struct
{
  char     *id;        /* owned: "personal_info", "group:research" … */
  char     *label;     /* owned: what is checked, in the caller's language */
  gboolean  passed;
  char     *reason;    /* owned, nullable: why not (or a note when passed) */
  int       step;      /* a ZcDeclarationStep to fix it in, or -1 */
} ZcCheckItem;

#define ZC_TYPE_CHECK_ITEM (zc_check_item_get_type ())

GType        zc_check_item_get_type            (void) G_GNUC_CONST;
ZcCheckItem *zc_check_item_copy                (const ZcCheckItem  *item);
void         zc_check_item_free                (ZcCheckItem        *item);

/* Every item, in the order of the table; never NULL. */
GPtrArray   *zc_declaration_check_run          (const ZcCheckInput *input,
                                                ZcLanguage          language);
gboolean     zc_declaration_check_all_passed   (GPtrArray          *items);
/* [{id, label, passed, reason, step}] for the API. */
JsonNode    *zc_declaration_check_to_json      (GPtrArray          *items);

/* The create rules alone (docs/declarations.md "What the server
 * enforces"): plan state, window, one per year, integrity, last year.
 * FALSE with a ZC_DECLARATION_CHECK_ERROR (code = the item) and the
 * message in @language. */
#define ZC_DECLARATION_CHECK_ERROR (zc_declaration_check_error_quark ())

typedef enum
{
  ZC_DECLARATION_CHECK_ERROR_PLAN_NOT_OPEN,
  ZC_DECLARATION_CHECK_ERROR_WINDOW_CLOSED,
  ZC_DECLARATION_CHECK_ERROR_ONE_PER_YEAR,
  ZC_DECLARATION_CHECK_ERROR_INTEGRITY_BAN,
  ZC_DECLARATION_CHECK_ERROR_LAST_YEAR_UNFINISHED,
  ZC_DECLARATION_CHECK_ERROR_OUT_OF_SCOPE,
} ZcDeclarationCheckError;

GQuark       zc_declaration_check_error_quark  (void);
gboolean     zc_declaration_check_may_create   (const ZcCheckInput *input,
                                                ZcLanguage          language,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcCheckItem, zc_check_item_free)

G_END_DECLS
