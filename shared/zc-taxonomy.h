/* zc-taxonomy.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_TAXONOMY_ERROR (zc_taxonomy_error_quark ())

typedef enum
{
  ZC_TAXONOMY_ERROR_INVALID,
  ZC_TAXONOMY_ERROR_UNKNOWN_SERIES,
  ZC_TAXONOMY_ERROR_UNKNOWN_CATEGORY,
  ZC_TAXONOMY_ERROR_UNKNOWN_LEVEL,
  ZC_TAXONOMY_ERROR_UNKNOWN_TITLE,
  ZC_TAXONOMY_ERROR_UNKNOWN_SPECIALTY,
} ZcTaxonomyError;

/* In the order of the career: 员级 助理级 中级 副高级 正高级. */
typedef enum
{
  ZC_TITLE_LEVEL_CLERK,
  ZC_TITLE_LEVEL_ASSISTANT,
  ZC_TITLE_LEVEL_INTERMEDIATE,
  ZC_TITLE_LEVEL_DEPUTY_SENIOR,
  ZC_TITLE_LEVEL_SENIOR,
} ZcTitleLevel;

#define ZC_N_TITLE_LEVELS 5

/* Longest free-text specialty accepted where the category's list is
 * only representative, in characters. */
#define ZC_TAXONOMY_SPECIALTY_MAX_CHARS 50

/* Immutable after load and safe to read from any thread; refcounted. */
typedef struct _ZcTaxonomy ZcTaxonomy;
/* Borrowed from their taxonomy; valid while it is alive. */
typedef struct _ZcTaxonomySeries ZcTaxonomySeries;
typedef struct _ZcTaxonomyCategory ZcTaxonomyCategory;

/**
 * ZcTitleRef:
 * @series_code: (owned): the series code, "04"
 * @category: (owned): the category name within the series
 * @level: the level of @title
 * @title: (owned): the title name
 * @alternative: %TRUE when @title is an accepted alternative name (such
 *   as 主治医师 beside 主治（主管）医师) rather than the category's main
 *   title at @level
 *
 * One title of the taxonomy, as listed by zc_taxonomy_list_titles().
 */
typedef struct
{
  char         *series_code;
  char         *category;
  ZcTitleLevel  level;
  char         *title;
  gboolean      alternative;
} ZcTitleRef;

#define ZC_TYPE_TAXONOMY (zc_taxonomy_get_type ())
#define ZC_TYPE_TITLE_REF (zc_title_ref_get_type ())

GQuark                     zc_taxonomy_error_quark                  (void);
GType                      zc_taxonomy_get_type                     (void) G_GNUC_CONST;

ZcTaxonomy                *zc_taxonomy_ref                          (ZcTaxonomy          *self);
void                       zc_taxonomy_unref                        (ZcTaxonomy          *self);

guint                      zc_taxonomy_get_n_series                 (ZcTaxonomy          *self);
const ZcTaxonomySeries    *zc_taxonomy_get_series                   (ZcTaxonomy          *self,
                                                                     guint                index);
const ZcTaxonomySeries    *zc_taxonomy_find_series                  (ZcTaxonomy          *self,
                                                                     const char          *code);
const ZcTaxonomySeries    *zc_taxonomy_find_series_by_name          (ZcTaxonomy          *self,
                                                                     const char          *name_or_alias);

const char                *zc_taxonomy_series_get_code              (const ZcTaxonomySeries *s);
const char                *zc_taxonomy_series_get_slug              (const ZcTaxonomySeries *s);
const char                *zc_taxonomy_series_get_name              (const ZcTaxonomySeries *s);
const char                *zc_taxonomy_series_get_name_en           (const ZcTaxonomySeries *s);
const char                *zc_taxonomy_series_get_label             (const ZcTaxonomySeries *s,
                                                                     ZcLanguage           language);
const char * const        *zc_taxonomy_series_get_aliases           (const ZcTaxonomySeries *s);
const char                *zc_taxonomy_series_get_source            (const ZcTaxonomySeries *s);
guint                      zc_taxonomy_series_get_n_categories      (const ZcTaxonomySeries *s);
const ZcTaxonomyCategory  *zc_taxonomy_series_get_category          (const ZcTaxonomySeries *s,
                                                                     guint                index);
const ZcTaxonomyCategory  *zc_taxonomy_series_find_category         (const ZcTaxonomySeries *s,
                                                                     const char          *name);

const char                *zc_taxonomy_category_get_name            (const ZcTaxonomyCategory *c);
const char                *zc_taxonomy_category_get_title           (const ZcTaxonomyCategory *c,
                                                                     ZcTitleLevel         level);
const char * const        *zc_taxonomy_category_get_alternative_titles (const ZcTaxonomyCategory *c,
                                                                        ZcTitleLevel         level);
const char * const        *zc_taxonomy_category_get_specialties     (const ZcTaxonomyCategory *c);
gboolean                   zc_taxonomy_category_specialties_complete (const ZcTaxonomyCategory *c);

/* A title is resolved only together with its series: 助理研究员 is 中级,
 * and one name may be a title in several series.  When several
 * categories of the series share the title (出版: 副编审), the first in
 * data order is returned. */
gboolean                   zc_taxonomy_resolve_title                (ZcTaxonomy          *self,
                                                                     const char          *series_code,
                                                                     const char          *title,
                                                                     const ZcTaxonomyCategory **category_out,
                                                                     ZcTitleLevel        *level_out,
                                                                     GError             **error);

/* Checks a pick as forms store it:
 *   {"series": "04", "category": "医疗类", "level": "中级",
 *    "title": "主治医师", "specialty": "内科学"}
 * @depth ("series", "category", "level", "title" or "specialty") is the
 * deepest member required; a deeper member that is present is checked
 * too, and makes every member above it required.  Members must be
 * strings; JSON null or "" counts as absent; other members are refused.
 * The specialty must be in the category's list when the list is complete,
 * otherwise any text of at most %ZC_TAXONOMY_SPECIALTY_MAX_CHARS
 * characters; a category with a complete, empty list takes none.
 * The error message is in @language and says which part is wrong. */
gboolean                   zc_taxonomy_check_pick                   (ZcTaxonomy          *self,
                                                                     JsonObject          *pick,
                                                                     const char          *depth,
                                                                     ZcLanguage           language,
                                                                     GError             **error);

/* The cascade series → category → level → title: every title matching
 * the filters (NULL or -1 for any), in data order.  Unknown filters give
 * an empty array.  Element type ZcTitleRef; the array frees them. */
GPtrArray                 *zc_taxonomy_list_titles                  (ZcTaxonomy          *self,
                                                                     const char          *series_code,
                                                                     const char          *category,
                                                                     int                  level);

/* Evaluation methods (正常申报, 破格申报 …) by key ("regular", …). */
const char * const        *zc_taxonomy_get_method_keys              (ZcTaxonomy          *self);
const char                *zc_taxonomy_get_method_name              (ZcTaxonomy          *self,
                                                                     const char          *key,
                                                                     ZcLanguage           language);

GType                      zc_title_ref_get_type                    (void) G_GNUC_CONST;
ZcTitleRef                *zc_title_ref_copy                        (const ZcTitleRef    *ref);
void                       zc_title_ref_free                        (ZcTitleRef          *ref);

const char                *zc_title_level_to_string                 (ZcTitleLevel         level);
gboolean                   zc_title_level_from_string               (const char          *string,
                                                                     ZcTitleLevel        *level);
const char                *zc_title_level_get_label                 (ZcTitleLevel         level,
                                                                     ZcLanguage           language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcTaxonomy, zc_taxonomy_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcTitleRef, zc_title_ref_free)

G_END_DECLS

/* zc_taxonomy_load (), zc_taxonomy_new_from_json (), zc_taxonomy_get_default () */
#include "zc-taxonomy-loader.h"
