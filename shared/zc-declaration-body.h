/* zc-declaration-body.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "zc-form-validator.h"
#include "zc-i18n.h"

G_BEGIN_DECLS

/* The body of a record of kind "declaration": what the applicant
 * drafts (docs/declarations.md "Declarations").  The record body stays
 * a JsonObject everywhere (it syncs and merges like every record);
 * these functions check it and read it. */

#define ZC_DECLARATION_KIND "declaration"
#define ZC_DECLARATION_MAX_PICKS 5000
#define ZC_DECLARATION_MAX_WORK_SUMMARY 10000

/* The wizard's steps a reviewer's return may name. */
typedef enum
{
  ZC_DECLARATION_STEP_CHOOSE,
  ZC_DECLARATION_STEP_PHOTO,
  ZC_DECLARATION_STEP_COMMITMENT,
  ZC_DECLARATION_STEP_INFO,
  ZC_DECLARATION_STEP_SUMMARY,
  ZC_DECLARATION_STEP_ACHIEVEMENTS,
  ZC_DECLARATION_STEP_ATTACHMENTS,
} ZcDeclarationStep;

#define ZC_N_DECLARATION_STEPS (ZC_DECLARATION_STEP_ATTACHMENTS + 1)

typedef struct
{
  const char *record_id;
  const char *category;   /* archive form id */
  const char *group;      /* nullable: condition group id */
} ZcDeclarationPick;

const char *zc_declaration_step_to_string   (ZcDeclarationStep  step);
gboolean    zc_declaration_step_from_string (const char        *string,
                                             ZcDeclarationStep *step);
const char *zc_declaration_step_get_label   (ZcDeclarationStep  step,
                                             ZcLanguage         language);

/* Checks a body as a draft may be: member types, unknown members,
 * lengths, UUIDs, dates, images and attachment records, picks unique;
 * plan_id and plan_version present.  Every problem at once as
 * ZcFieldError (field = member path, such as "picks[3].record_id"),
 * message in @language.  Completeness is the check's business
 * (zc-declaration-check.h), not this. */
gboolean    zc_declaration_body_validate    (JsonObject        *body,
                                             ZcLanguage         language,
                                             GPtrArray        **errors_out);

/* Readers for a body that passed zc_declaration_body_validate(); a
 * missing member reads as NULL / 0 / FALSE / empty. */
const char *zc_declaration_body_get_plan_id        (JsonObject *body);
gint64      zc_declaration_body_get_plan_version   (JsonObject *body);
const char *zc_declaration_body_get_method         (JsonObject *body);
JsonObject *zc_declaration_body_get_title          (JsonObject *body);
const char *zc_declaration_body_get_specialty      (JsonObject *body);
const char *zc_declaration_body_get_declaration_category (JsonObject *body);
gboolean    zc_declaration_body_get_special_person (JsonObject *body);
gint64      zc_declaration_body_get_professional_years (JsonObject *body);  /* -1 when absent */
JsonObject *zc_declaration_body_get_photo          (JsonObject *body);  /* {sha256, mime} */
JsonObject *zc_declaration_body_get_commitment     (JsonObject *body);
gboolean    zc_declaration_body_commitment_is_signed (JsonObject *body);
JsonObject *zc_declaration_body_get_info           (JsonObject *body);
const char *zc_declaration_body_get_work_summary   (JsonObject *body);  /* "" when absent */
const char *zc_declaration_body_get_qualifying_education_id (JsonObject *body);
const char *zc_declaration_body_get_receiving_unit_id (JsonObject *body);
/* GArray of ZcDeclarationPick pointing into @body, in order. */
GArray     *zc_declaration_body_get_picks          (JsonObject *body);
/* The files (attachment records) given for a plan requirement; NULL
 * when none. */
JsonArray  *zc_declaration_body_get_attachment_files (JsonObject *body,
                                                      const char *requirement);
/* Every blob (sha256) the body names: photo, signature, scan,
 * attachment files; for the server's "blobs exist" check and the
 * client's uploads.  Owned strings. */
GPtrArray  *zc_declaration_body_list_blobs         (JsonObject *body);

G_END_DECLS
