/* zc-form-schema-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-form-schema.h"

G_BEGIN_DECLS

/* The structures behind ZcFormSchema, ZcFormField and ZcFormRule, shared
 * by zc-form-schema.c (the object, loading and the cache),
 * zc-form-schema-loader.c (which fills them from JSON) and
 * zc-form-field.c (the field and rule getters). */

struct _ZcFormField
{
  char          *id;         /* owned */
  ZcFieldType    type;
  char          *label;      /* owned; this and the other texts are English msgids */
  char          *help;       /* owned, nullable */
  char          *section;    /* owned, nullable */
  gboolean       required;
  gboolean       readonly_after_registration;
  guint          max_length; /* 0: no limit (non-text types) */
  guint          min_length;
  ZcFieldFormat  format;
  gboolean       has_min;
  gboolean       has_max;
  gint64         min;
  gint64         max;
  char          *unit;       /* owned, nullable */
  ZcDictionary  *dictionary; /* owned, enum only */
  gboolean       multiple;
  char          *depth;      /* owned, taxonomy only */
  char         **accept;     /* owned, attachments only */
  guint64        max_size;
  guint          max_count;  /* 0: no limit */
  guint          min_count;
  gboolean       not_after_today;
  gboolean       open_end;   /* the end of an open-ended date-order rule */
};

struct _ZcFormRule
{
  ZcFormRuleType  type;
  char           *field;    /* owned: end / field / field */
  char           *other;    /* owned: start / than / when */
  gboolean        open_end;
  JsonNode       *equals;   /* owned, required-if only */
  char           *message;  /* owned, nullable */
};

struct _ZcFormSchema
{
  gatomicrefcount  ref_count;
  char            *id;       /* owned */
  ZcFormKind       kind;
  char            *title;    /* owned */
  int              order;
  char           **series;   /* owned, nullable */
  char           **summary;  /* owned */
  char           **sources;  /* owned */
  ZcFormField     *fields;   /* owned, n_fields of them */
  guint            n_fields;
  ZcFormRule      *rules;    /* owned, n_rules of them */
  guint            n_rules;
  GHashTable      *by_id;    /* owned: field id (borrowed) → index + 1 */
};

/* zc-form-field.c */
gboolean  zc_form_name_to_enum   (const char         *string,
                                  const char * const *names,
                                  guint               n_names,
                                  guint              *value);
void      zc_form_field_clear    (ZcFormField        *field);
void      zc_form_rule_clear     (ZcFormRule         *rule);

/* zc-form-schema-loader.c */
gboolean  zc_form_id_is_valid    (const char         *id,
                                  char                separator);

G_END_DECLS
