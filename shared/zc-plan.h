/* zc-plan.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-declaration-workflow.h"
#include "zc-form-validator.h"
#include "zc-i18n.h"
#include "zc-taxonomy.h"

G_BEGIN_DECLS

/* A review plan (评审计划), docs/declarations.md "Plans". */

typedef enum
{
  ZC_PLAN_STATE_DRAFT,
  ZC_PLAN_STATE_PUBLISHED,
  ZC_PLAN_STATE_CLOSED,
} ZcPlanState;

/* The five time windows, in the order they must come. */
typedef enum
{
  ZC_PLAN_WINDOW_INDIVIDUAL_START,
  ZC_PLAN_WINDOW_FIRST_SUBMISSION_DEADLINE,
  ZC_PLAN_WINDOW_MODIFICATION_DEADLINE,
  ZC_PLAN_WINDOW_UNIT_DEADLINE,
  ZC_PLAN_WINDOW_DEPARTMENT_DEADLINE,
} ZcPlanWindow;

#define ZC_N_PLAN_WINDOWS (ZC_PLAN_WINDOW_DEPARTMENT_DEADLINE + 1)

/* What an applicant's unit is to a plan. */
typedef enum
{
  ZC_PLAN_SCOPE_DIRECT,        /* listed, or in the plan's region */
  ZC_PLAN_SCOPE_COMMISSIONED,  /* may declare with a commissioning letter */
  ZC_PLAN_SCOPE_OUTSIDE,
} ZcPlanScope;

/* The attachment requirement a commissioned unit must fill. */
#define ZC_PLAN_COMMISSION_LETTER_ID "commission-letter"

typedef struct
{
  char      *id;          /* owned: [a-z0-9-]{1,32} */
  char      *name;        /* owned */
  GStrv      types;       /* owned: MIME types */
  gint64     max_bytes;
  guint      max_count;
  gboolean   required;
} ZcPlanAttachment;

typedef struct
{
  char      *id;          /* owned */
  char      *name;        /* owned */
  GStrv      categories;  /* owned: archive form ids */
  guint      min;
  gint       max;         /* -1: no maximum */
} ZcPlanConditionGroup;

typedef struct _ZcPlan ZcPlan;

#define ZC_TYPE_PLAN (zc_plan_get_type ())

GType        zc_plan_get_type              (void) G_GNUC_CONST;

const char  *zc_plan_state_to_string       (ZcPlanState         state);
gboolean     zc_plan_state_from_string     (const char         *string,
                                            ZcPlanState        *state);
const char  *zc_plan_state_get_label       (ZcPlanState         state,
                                            ZcLanguage          language);
const char  *zc_plan_window_to_string      (ZcPlanWindow        window);
const char  *zc_plan_window_get_label      (ZcPlanWindow        window,
                                            ZcLanguage          language);

/* Reads the JSON of docs/declarations.md strictly (types, unknown
 * members, lengths): ZC_JSON_ERROR naming the member's path.  With
 * @for_input the server-set members (state, committee_id,
 * committee_name, published_at, closed_at) are refused and id/version
 * are optional; otherwise (a stored or received plan) they are read. */
ZcPlan      *zc_plan_new_from_json         (JsonNode           *node,
                                            gboolean            for_input,
                                            GError            **error);
ZcPlan      *zc_plan_new_from_data         (const char         *data,
                                            gsize               length,
                                            gboolean            for_input,
                                            GError            **error);
JsonNode    *zc_plan_to_json               (ZcPlan             *self);
/* Without the server-set members: what a client sends (for_input). */
JsonNode    *zc_plan_to_input_json         (ZcPlan             *self);
ZcPlan      *zc_plan_copy                  (ZcPlan             *self);
ZcPlan      *zc_plan_ref                   (ZcPlan             *self);
void         zc_plan_unref                 (ZcPlan             *self);

/* The rules a codec cannot see: titles and methods against the
 * taxonomy, the order of the windows, min ≤ max, distinct ids, forms
 * that exist.  Every problem at once, as ZcFieldError with a member
 * path as field ("windows.unit_deadline", "titles[2]") and the message
 * in @language; TRUE when there are none.  @for_publish also asks for
 * what only a draft may lack (a title, a method). */
gboolean     zc_plan_validate              (ZcPlan             *self,
                                            ZcTaxonomy         *taxonomy,
                                            gboolean            for_publish,
                                            ZcLanguage          language,
                                            GPtrArray         **errors_out);

/* Server-set members. */
void         zc_plan_set_id                (ZcPlan             *self,
                                            const char         *id);
void         zc_plan_set_version           (ZcPlan             *self,
                                            gint64              version);
void         zc_plan_set_state             (ZcPlan             *self,
                                            ZcPlanState         state);
void         zc_plan_set_committee         (ZcPlan             *self,
                                            const char         *committee_id,
                                            const char         *committee_name);
void         zc_plan_set_published_at      (ZcPlan             *self,
                                            GDateTime          *published_at);
void         zc_plan_set_closed_at         (ZcPlan             *self,
                                            GDateTime          *closed_at);

const char  *zc_plan_get_id                (ZcPlan             *self);
gint64       zc_plan_get_version           (ZcPlan             *self);
ZcPlanState  zc_plan_get_state             (ZcPlan             *self);
gint64       zc_plan_get_year              (ZcPlan             *self);
const char  *zc_plan_get_name              (ZcPlan             *self);
const char  *zc_plan_get_committee_id      (ZcPlan             *self);
const char  *zc_plan_get_committee_name    (ZcPlan             *self);
const char  *zc_plan_get_contact_phone     (ZcPlan             *self);
ZcPlanType   zc_plan_get_plan_type         (ZcPlan             *self);
/* Title picks (series, category, level, title). */
JsonArray   *zc_plan_get_titles            (ZcPlan             *self);
const char * const *zc_plan_get_declaration_categories (ZcPlan *self);
const char * const *zc_plan_get_methods    (ZcPlan             *self);
const char  *zc_plan_get_scope_text        (ZcPlan             *self);
const char  *zc_plan_get_region_code       (ZcPlan             *self);
const char * const *zc_plan_get_direct_unit_ids (ZcPlan        *self);
const char * const *zc_plan_get_commissioned_unit_ids (ZcPlan  *self);
JsonArray   *zc_plan_get_notices           (ZcPlan             *self);
GDateTime   *zc_plan_get_window            (ZcPlan             *self,
                                            ZcPlanWindow        window);
gboolean     zc_plan_get_exam              (ZcPlan             *self);
gboolean     zc_plan_get_interview         (ZcPlan             *self);
GDateTime   *zc_plan_get_published_at      (ZcPlan             *self);  /* nullable */
GDateTime   *zc_plan_get_closed_at         (ZcPlan             *self);  /* nullable */
guint        zc_plan_get_n_attachments     (ZcPlan             *self);
const ZcPlanAttachment *zc_plan_get_attachment (ZcPlan         *self,
                                            guint               index);
const ZcPlanAttachment *zc_plan_find_attachment (ZcPlan        *self,
                                            const char         *id);
guint        zc_plan_get_n_condition_groups (ZcPlan            *self);
const ZcPlanConditionGroup *zc_plan_get_condition_group (ZcPlan *self,
                                            guint               index);
const ZcPlanConditionGroup *zc_plan_find_condition_group (ZcPlan *self,
                                            const char         *id);

gboolean     zc_plan_allows_method         (ZcPlan             *self,
                                            const char         *method);
/* Whether @pick (series, category, level, title; other members
 * ignored) is one of the plan's titles. */
gboolean     zc_plan_covers_title          (ZcPlan             *self,
                                            JsonObject         *pick);
/* Whether a condition group accepts entries of @category. */
gboolean     zc_plan_condition_group_accepts (const ZcPlanConditionGroup *group,
                                            const char         *category);
ZcPlanScope  zc_plan_scope_for_unit        (ZcPlan             *self,
                                            const char         *unit_id,
                                            const char         *unit_region_code);

/* Whether @now lies in the window for a new declaration or a first
 * submission (individual start … first-submission deadline), or, with
 * @resubmission, before the modification deadline.  When not, FALSE
 * with a reason in @language that names the window and its time in
 * Asia/Shanghai. */
gboolean     zc_plan_submission_window_open (ZcPlan            *self,
                                            GDateTime          *now,
                                            gboolean            resubmission,
                                            ZcLanguage          language,
                                            char              **reason_out);
/* Whether @now is at or before @window's time (deadlines). */
gboolean     zc_plan_before_deadline       (ZcPlan             *self,
                                            ZcPlanWindow        window,
                                            GDateTime          *now);

/* The filters of the plans list (GET /api/v1/plans, the plans page);
 * NULL members match everything.  @series… match any of the plan's
 * titles; @region matches a plan whose region code has the same
 * prefix (see docs/declarations.md). */
typedef struct
{
  const char  *series;
  const char  *category;
  const char  *level;
  const char  *title;
  const char  *committee_id;
  const char  *region_code;
  int          state;       /* a ZcPlanState, or -1 for any */
  int          plan_type;   /* a ZcPlanType, or -1 for any */
  gint64       year;        /* 0 for any */
} ZcPlanFilter;

void         zc_plan_filter_init           (ZcPlanFilter       *filter);
gboolean     zc_plan_matches               (ZcPlan             *self,
                                            const ZcPlanFilter *filter);

/* An attachment record of docs/forms.md (exactly sha256, name, mime,
 * size): ZC_JSON_ERROR naming the member.  Shared by the plan's
 * notices and the declaration body. */
gboolean     zc_attachment_record_validate (JsonNode           *node,
                                            GError            **error);
/* A blob's name: 64 lower-case hex digits (SHA-256). */
gboolean     zc_sha256_is_valid            (const char         *text);

/* The significant prefix of a 6-digit region code: "530000" → "53". */
char        *zc_region_code_prefix         (const char         *region_code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPlan, zc_plan_unref)

G_END_DECLS
