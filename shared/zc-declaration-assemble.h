/* zc-declaration-assemble.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "zc-declaration-document.h"
#include "zc-i18n.h"
#include "zc-plan.h"
#include "zc-record.h"

G_BEGIN_DECLS

/* Builds the review-form document (docs/review-form.md) of a
 * declaration: the server at submission (the frozen copy) and for a
 * draft's PDF, the client for the wizard's preview. */

typedef struct
{
  const char   *declaration_id;     /* nullable */
  JsonObject   *body;               /* the declaration body */
  gboolean      is_draft;
  ZcPlan       *plan;
  JsonObject   *personal_info;      /* nullable */
  JsonObject   *personal_photo;     /* nullable: {sha256, mime} of the personal information's photo */
  GPtrArray    *archive;            /* ZcRecord: the applicant's entries; picks are looked up here */
  const char   *unit_name;          /* nullable */
  const char   *department_name;    /* nullable */
  GDate        *filled_on;          /* nullable: today */
  /* Reviewers' opinions, each nullable: text, signer, YYYY-MM-DD. */
  const char   *opinion_text[3];
  const char   *opinion_signer[3];
  const char   *opinion_signed_on[3];
} ZcAssembleInput;

/* The document as JSON (version 1 of docs/review-form.md): picks in
 * the body's order grouped by category, each entry's body copied and
 * "pending" when its state is pending; a pick the archive lacks is
 * left out.  Always a valid document: it passes
 * zc_declaration_document_new_from_json(). */
JsonNode              *zc_declaration_assemble_json     (const ZcAssembleInput *input,
                                                         ZcLanguage             language);
ZcDeclarationDocument *zc_declaration_assemble          (const ZcAssembleInput *input,
                                                         ZcLanguage             language,
                                                         GError               **error);

G_END_DECLS
