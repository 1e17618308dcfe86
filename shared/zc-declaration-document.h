/* zc-declaration-document.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-json.h"

G_BEGIN_DECLS

/* The format version this code reads and writes (member "version"). */
#define ZC_DECLARATION_DOCUMENT_VERSION 1

/* Limits, in characters unless named otherwise; docs/review-form.md. */
#define ZC_DECLARATION_DOCUMENT_MAX_WORK_SUMMARY  10000
#define ZC_DECLARATION_DOCUMENT_MAX_COMMITMENT    2000
#define ZC_DECLARATION_DOCUMENT_MAX_OPINION       2000
#define ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT    200
#define ZC_DECLARATION_DOCUMENT_MAX_ENTRIES       5000
#define ZC_DECLARATION_DOCUMENT_MAX_ATTACHMENTS   200
#define ZC_DECLARATION_DOCUMENT_MAX_FILES         100

/* The levels that write an opinion on the review form, in the order
 * they sign it. */
typedef enum
{
  ZC_OPINION_LEVEL_UNIT,
  ZC_OPINION_LEVEL_DEPARTMENT,
  ZC_OPINION_LEVEL_COMMITTEE,
} ZcOpinionLevel;

#define ZC_N_OPINION_LEVELS (ZC_OPINION_LEVEL_COMMITTEE + 1)

/* A picture kept as a blob: the renderer asks its caller for the bytes
 * by SHA-256 (photo, signature). */
typedef struct
{
  char *sha256;  /* owned: 64 lower-case hex digits */
  char *mime;    /* owned: "image/png" or "image/jpeg" */
} ZcDocumentImage;

/* One archive entry picked for the declaration, as frozen at submission. */
typedef struct
{
  char       *id;       /* owned: the archive record's UUID */
  gboolean    pending;  /* not yet approved by the unit when picked */
  JsonObject *body;     /* owned: the record body of the category's form */
} ZcDocumentEntry;

/* The entries of one archive category, in the applicant's order. */
typedef struct
{
  char      *category;  /* owned: the form id, such as "papers" */
  GPtrArray *entries;   /* owned: of ZcDocumentEntry */
} ZcDocumentEntryGroup;

/* One of the plan's attachments and the files given for it. */
typedef struct
{
  char      *name;      /* owned: the plan's name for it */
  gboolean   required;
  JsonArray *files;     /* owned: attachment records (docs/forms.md) */
} ZcDocumentAttachment;

/* What a level wrote; every member may be NULL (not yet written). */
typedef struct
{
  char *text;       /* owned, nullable */
  char *signer;     /* owned, nullable */
  char *signed_on;  /* owned, nullable: YYYY-MM-DD */
} ZcDocumentOpinion;

/**
 * ZcDeclarationDocument:
 *
 * Everything the review form (专业技术资格评审表) prints about one
 * declaration: a submitted declaration's frozen snapshot, or a draft.
 * Read from and written to the JSON of docs/review-form.md with strict
 * type checks.  Reference-counted and immutable once read, so a server
 * may render it from any thread.
 */
typedef struct _ZcDeclarationDocument ZcDeclarationDocument;

#define ZC_TYPE_DECLARATION_DOCUMENT (zc_declaration_document_get_type ())

GType                        zc_declaration_document_get_type       (void) G_GNUC_CONST;

const char                  *zc_opinion_level_to_string             (ZcOpinionLevel          level);
gboolean                     zc_opinion_level_from_string           (const char             *string,
                                                                     ZcOpinionLevel         *level);

ZcDeclarationDocument       *zc_declaration_document_new_from_json  (JsonNode               *node,
                                                                     GError                **error);
ZcDeclarationDocument       *zc_declaration_document_new_from_data  (const char             *data,
                                                                     gsize                   length,
                                                                     GError                **error);
JsonNode                    *zc_declaration_document_to_json        (ZcDeclarationDocument  *self);

ZcDeclarationDocument       *zc_declaration_document_ref            (ZcDeclarationDocument  *self);
void                         zc_declaration_document_unref          (ZcDeclarationDocument  *self);

gint64                       zc_declaration_document_get_version    (ZcDeclarationDocument  *self);
gboolean                     zc_declaration_document_get_is_draft   (ZcDeclarationDocument  *self);
const char                  *zc_declaration_document_get_id         (ZcDeclarationDocument  *self);

const char                  *zc_declaration_document_get_applicant_name (ZcDeclarationDocument *self);
const char                  *zc_declaration_document_get_unit       (ZcDeclarationDocument  *self);
const char                  *zc_declaration_document_get_department (ZcDeclarationDocument  *self);

gint64                       zc_declaration_document_get_plan_year  (ZcDeclarationDocument  *self);
const char                  *zc_declaration_document_get_plan_name  (ZcDeclarationDocument  *self);
const char                  *zc_declaration_document_get_committee  (ZcDeclarationDocument  *self);

JsonObject                  *zc_declaration_document_get_title_pick (ZcDeclarationDocument  *self);
const char                  *zc_declaration_document_get_method     (ZcDeclarationDocument  *self);
const char                  *zc_declaration_document_get_declaration_category (ZcDeclarationDocument *self);
gboolean                     zc_declaration_document_get_special_person (ZcDeclarationDocument *self);
gint64                       zc_declaration_document_get_professional_years (ZcDeclarationDocument *self);
const char                  *zc_declaration_document_get_filled_on  (ZcDeclarationDocument  *self);

JsonObject                  *zc_declaration_document_get_personal_info (ZcDeclarationDocument *self);
const ZcDocumentImage       *zc_declaration_document_get_photo      (ZcDeclarationDocument  *self);

const char                  *zc_declaration_document_get_commitment_text (ZcDeclarationDocument *self);
const char                  *zc_declaration_document_get_commitment_signed_on (ZcDeclarationDocument *self);
const ZcDocumentImage       *zc_declaration_document_get_signature  (ZcDeclarationDocument  *self);

const char                  *zc_declaration_document_get_work_summary (ZcDeclarationDocument *self);

guint                        zc_declaration_document_get_n_groups   (ZcDeclarationDocument  *self);
const ZcDocumentEntryGroup  *zc_declaration_document_get_group      (ZcDeclarationDocument  *self,
                                                                     guint                   index);
const ZcDocumentEntryGroup  *zc_declaration_document_find_group     (ZcDeclarationDocument  *self,
                                                                     const char             *category);
guint                        zc_declaration_document_get_n_entries  (ZcDeclarationDocument  *self);

guint                        zc_declaration_document_get_n_attachments (ZcDeclarationDocument *self);
const ZcDocumentAttachment  *zc_declaration_document_get_attachment (ZcDeclarationDocument  *self,
                                                                     guint                   index);

const ZcDocumentOpinion     *zc_declaration_document_get_opinion    (ZcDeclarationDocument  *self,
                                                                     ZcOpinionLevel          level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDeclarationDocument, zc_declaration_document_unref)

G_END_DECLS
