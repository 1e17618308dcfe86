/* zc-declaration-document-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-document.h"

G_BEGIN_DECLS

/* Between zc-declaration-document.c (the document, its writer and
 * accessors) and zc-declaration-document-read.c (its strict reader). */

struct _ZcDeclarationDocument
{
  gatomicrefcount   ref_count;
  gint64            version;
  gboolean          is_draft;
  char             *id;                   /* owned, nullable UUID */
  char             *applicant_name;       /* owned */
  char             *unit;                 /* owned, nullable */
  char             *department;           /* owned, nullable */
  gint64            plan_year;
  char             *plan_name;            /* owned */
  char             *committee;            /* owned, nullable */
  JsonObject       *title_pick;           /* owned, nullable */
  char             *method;               /* owned, nullable */
  char             *declaration_category; /* owned, nullable */
  gboolean          special_person;
  gint64            professional_years;   /* -1 when not given */
  char             *filled_on;            /* owned, nullable */
  JsonObject       *personal_info;        /* owned, never NULL */
  ZcDocumentImage  *photo;                /* owned, nullable */
  char             *commitment_text;      /* owned, nullable */
  char             *commitment_signed_on; /* owned, nullable */
  ZcDocumentImage  *signature;            /* owned, nullable */
  char             *work_summary;         /* owned, never NULL */
  GPtrArray        *groups;               /* owned, of ZcDocumentEntryGroup */
  GPtrArray        *attachments;          /* owned, of ZcDocumentAttachment */
  ZcDocumentOpinion opinions[ZC_N_OPINION_LEVELS];
};

/* NULL-terminated, so it is also the list of members of "opinions". */
extern const char * const zc_opinion_level_ids[];

/* An empty document with its group and attachment arrays. */
ZcDeclarationDocument *zc_declaration_document_alloc (void);

/* The free function of the entries of a ZcDocumentEntryGroup. */
void                   zc_document_entry_free        (gpointer data);

G_END_DECLS
