/* zc-declaration-check-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-check.h"

G_BEGIN_DECLS

/* Between zc-declaration-check.c (the run) and
 * zc-declaration-check-items.c (one rule per item). */
/* What every rule reads, prepared once by zc_declaration_check_run(). */
typedef struct
{
  const ZcCheckInput *input;
  ZcLanguage          language;
  ZcTaxonomy         *taxonomy;   /* borrowed: the input's or the default */
  JsonObject         *info;       /* owned: personal information with the body's info over it */
  GHashTable         *records;    /* owned: id → live ZcRecord (borrowed) */
  GDate               today;      /* @now's date in Beijing */
} ZcCheckContext;

ZcCheckItem *zc_check_item_new_take           (const char       *id,
                                               char             *label,
                                               gboolean          passed,
                                               char             *reason,
                                               int               step);
/* Joins reasons with the language's separator; NULL when @reasons is empty. */
char        *zc_check_join_reasons            (GPtrArray        *reasons,
                                               ZcLanguage        language);
/* "2026-04-30 23:59" (@with_time) or "2026-04-30", in Beijing time. */
char        *zc_check_format_time             (GDateTime        *time,
                                               gboolean          with_time);
/* The archive form id of an archive:* record, or NULL. */
const char  *zc_check_record_category         (ZcRecord         *record);
/* Approved or pending: what a declaration may use. */
gboolean     zc_check_record_usable           (ZcRecord         *record);
gboolean     zc_check_record_pending          (ZcRecord         *record);
/* A live record of @id, NULL when absent or deleted. */
ZcRecord    *zc_check_context_find_record     (ZcCheckContext   *context,
                                               const char       *id);
/* Usable live records of @category; with @required_member only those
 * whose body fills that member. */
guint        zc_check_context_count_usable    (ZcCheckContext   *context,
                                               const char       *category,
                                               const char       *required_member);

ZcCheckItem *zc_check_item_personal_info      (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_photo              (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_work_experience    (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_education          (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_annual_assessment  (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_title              (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_method             (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_specialty_matches  (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_work_summary       (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_picks              (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_group              (ZcCheckContext   *context,
                                               const ZcPlanConditionGroup *group);
ZcCheckItem *zc_check_item_attachments        (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_commitment         (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_window             (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_one_per_year       (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_last_year          (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_integrity          (ZcCheckContext   *context);
ZcCheckItem *zc_check_item_scope              (ZcCheckContext   *context);

G_END_DECLS
