/* zc-roster-csv.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "zc-i18n.h"
#include "zc-taxonomy.h"

G_BEGIN_DECLS

/* The roster of a plan (申报名单) as CSV for spreadsheets: built from
 * the records of GET /api/v1/declarations?plan_id=… as an officer gets
 * them (with `applicant`, `submitted_at` and `state_label`). */

typedef enum
{
  ZC_ROSTER_COLUMN_NUMBER,
  ZC_ROSTER_COLUMN_NAME,
  ZC_ROSTER_COLUMN_UNIT,
  ZC_ROSTER_COLUMN_SERIES,
  ZC_ROSTER_COLUMN_TITLE,
  ZC_ROSTER_COLUMN_SPECIALTY,
  ZC_ROSTER_COLUMN_METHOD,
  ZC_ROSTER_COLUMN_CATEGORY,
  ZC_ROSTER_COLUMN_STATE,
  ZC_ROSTER_COLUMN_SUBMITTED_AT,
} ZcRosterColumn;

#define ZC_ROSTER_N_COLUMNS (ZC_ROSTER_COLUMN_SUBMITTED_AT + 1)

/* One field as RFC 4180 writes it: quoted (quotes doubled) when it
 * holds a comma, a quote, a line break or leading/trailing blanks; a
 * leading = + - @ is defused with an apostrophe, so that a spreadsheet
 * never runs a name as a formula. */
char       *zc_roster_csv_quote            (const char   *field);

const char *zc_roster_csv_column_label     (ZcRosterColumn column,
                                            ZcLanguage     language);

/* The cells of one record (ZC_ROSTER_N_COLUMNS strings, "" for what it
 * lacks); @number is its 序号. */
GStrv       zc_roster_csv_row              (JsonObject   *record,
                                            guint         number,
                                            ZcTaxonomy   *taxonomy,
                                            ZcLanguage    language);

/* The whole file: UTF-8 with a byte order mark (for Excel), a header
 * row, one row per object of @records (other elements are skipped),
 * CRLF line ends.  @taxonomy: (nullable) for the series and method
 * names; without one the codes are written. */
GBytes     *zc_roster_csv_build            (JsonArray    *records,
                                            ZcTaxonomy   *taxonomy,
                                            ZcLanguage    language);

/* "2026年度…评审-申报名单.csv", without characters a file name cannot hold. */
char       *zc_roster_csv_file_name        (const char   *plan_name,
                                            ZcLanguage    language);

G_END_DECLS
