/* zc-taxonomy-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-taxonomy.h"

G_BEGIN_DECLS

/* The structures behind ZcTaxonomy, filled in by zc-taxonomy-loader.c and
 * read by zc-taxonomy.c. */

struct _ZcTaxonomyCategory
{
  char                   *name;                              /* owned */
  char                   *titles[ZC_N_TITLE_LEVELS];         /* owned, NULL when unset */
  GStrv                   alternatives[ZC_N_TITLE_LEVELS];   /* owned, never NULL */
  GStrv                   specialties;                       /* owned */
  gboolean                specialties_complete;
};

typedef struct
{
  const ZcTaxonomyCategory *category;                        /* borrowed: first one */
  ZcTitleLevel              level;
} ZcTaxonomyTitle;

struct _ZcTaxonomySeries
{
  char       *code;                                          /* owned */
  char       *slug;                                          /* owned */
  char       *name;                                          /* owned */
  char       *name_en;                                       /* owned, nullable */
  char       *source;                                        /* owned, nullable */
  GStrv       aliases;                                       /* owned */
  GPtrArray  *categories;                                    /* owned ZcTaxonomyCategory */
  GHashTable *titles;                                        /* title (borrowed) → owned ZcTaxonomyTitle */
};

typedef struct
{
  char *key;                                                 /* owned */
  char *name;                                                /* owned */
  char *name_en;                                             /* owned, nullable */
} ZcTaxonomyMethod;

struct _ZcTaxonomy
{
  GPtrArray  *series;                                        /* owned ZcTaxonomySeries */
  GHashTable *series_by_code;                                /* code → borrowed series */
  GPtrArray  *methods;                                       /* owned ZcTaxonomyMethod */
  GStrv       method_keys;                                   /* owned */
};

static inline gboolean
zc_taxonomy_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

G_END_DECLS
