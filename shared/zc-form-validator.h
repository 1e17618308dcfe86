/* zc-form-validator.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-form-schema.h"
#include "zc-i18n.h"
#include "zc-serial-number.h"  /* zc_issn_validate () and the other serial-number checks */
#include "zc-taxonomy.h"

G_BEGIN_DECLS

#define ZC_TYPE_FIELD_ERROR (zc_field_error_get_type ())

/**
 * ZcFieldError:
 * @field: (owned): the field id, or the unknown member's name for
 *   "unknown_field"
 * @code: (owned): a code from docs/forms.md, such as "required"
 * @message: (owned): the message for the user, naming the field by its
 *   translated label
 */
typedef struct
{
  char *field;
  char *code;
  char *message;
} ZcFieldError;

/**
 * ZcValidationContext:
 * @today: the date "not after today" compares with; a cleared
 *   (invalid) date means today in Beijing
 * @taxonomy: (nullable): the taxonomy for title picks; %NULL means
 *   zc_taxonomy_get_default()
 *
 * What a check depends on besides the record, so tests can fix it.
 * A zero-filled context gives the defaults.
 */
typedef struct
{
  GDate       today;
  ZcTaxonomy *taxonomy;
} ZcValidationContext;

GType         zc_field_error_get_type        (void) G_GNUC_CONST;

ZcFieldError *zc_field_error_new             (const char                *field,
                                              const char                *code,
                                              const char                *message);
ZcFieldError *zc_field_error_copy            (const ZcFieldError        *error);
void          zc_field_error_free            (ZcFieldError              *error);

void          zc_validation_context_init     (ZcValidationContext       *context);

gboolean      zc_form_validate               (ZcFormSchema              *schema,
                                              JsonObject                *record,
                                              const ZcValidationContext *context,
                                              ZcLanguage                 language,
                                              GPtrArray                **errors_out);

gboolean      zc_form_value_is_empty         (const ZcFormField         *field,
                                              JsonNode                  *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcFieldError, zc_field_error_free)

G_END_DECLS
