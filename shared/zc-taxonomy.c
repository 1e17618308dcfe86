/* zc-taxonomy.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-taxonomy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-taxonomy-private.h"

/* The national title taxonomy: series → category → level → title →
 * specialty.  This file holds the object, its getters, resolving and
 * checking title picks, and the cascade of titles; reading the data is
 * zc-taxonomy-loader.c.  Nothing changes after loading, which makes
 * reading thread-safe. */

static const struct {
  const char *key;
  const char *label;
} levels[ZC_N_TITLE_LEVELS] = {
  [ZC_TITLE_LEVEL_CLERK]         = { "员级",   N_("Clerk level") },
  [ZC_TITLE_LEVEL_ASSISTANT]     = { "助理级", N_("Assistant level") },
  [ZC_TITLE_LEVEL_INTERMEDIATE]  = { "中级",   N_("Intermediate") },
  [ZC_TITLE_LEVEL_DEPUTY_SENIOR] = { "副高级", N_("Deputy senior") },
  [ZC_TITLE_LEVEL_SENIOR]        = { "正高级", N_("Senior") },
};

G_DEFINE_QUARK (zc-taxonomy-error-quark, zc_taxonomy_error)

static ZcTitleRef *
title_ref_copy_boxed (ZcTitleRef *ref)
{
  return zc_title_ref_copy (ref);
}

G_DEFINE_BOXED_TYPE (ZcTaxonomy, zc_taxonomy, zc_taxonomy_ref, zc_taxonomy_unref)
G_DEFINE_BOXED_TYPE (ZcTitleRef, zc_title_ref, title_ref_copy_boxed, zc_title_ref_free)

/* Levels */

const char *
zc_title_level_to_string (ZcTitleLevel level)
{
  g_return_val_if_fail ((guint) level < ZC_N_TITLE_LEVELS, NULL);

  return levels[level].key;
}

gboolean
zc_title_level_from_string (const char   *string,
                            ZcTitleLevel *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < ZC_N_TITLE_LEVELS; i++)
    {
      if (strcmp (levels[i].key, string) == 0)
        {
          *level = (ZcTitleLevel) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
zc_title_level_get_label (ZcTitleLevel level,
                          ZcLanguage   language)
{
  g_return_val_if_fail ((guint) level < ZC_N_TITLE_LEVELS, NULL);

  return zc_translate (language, levels[level].label);
}

static void
taxonomy_clear (ZcTaxonomy *self)
{
  g_clear_pointer (&self->series_by_code, g_hash_table_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->methods, g_ptr_array_unref);
  g_clear_pointer (&self->method_keys, g_strfreev);
}

ZcTaxonomy *
zc_taxonomy_ref (ZcTaxonomy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
zc_taxonomy_unref (ZcTaxonomy *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) taxonomy_clear);
}


/* Series and categories */

guint
zc_taxonomy_get_n_series (ZcTaxonomy *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->series->len;
}

const ZcTaxonomySeries *
zc_taxonomy_get_series (ZcTaxonomy *self,
                        guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return g_ptr_array_index (self->series, index);
}

const ZcTaxonomySeries *
zc_taxonomy_find_series (ZcTaxonomy *self,
                         const char *code)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (self->series_by_code, code);
}

/* For old records that name the series in words: 卫生技术人员, 卫生系列. */
const ZcTaxonomySeries *
zc_taxonomy_find_series_by_name (ZcTaxonomy *self,
                                 const char *name_or_alias)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (name_or_alias == NULL)
    return NULL;

  for (guint i = 0; i < self->series->len; i++)
    {
      const ZcTaxonomySeries *s = g_ptr_array_index (self->series, i);

      if (strcmp (s->name, name_or_alias) == 0 ||
          g_strv_contains ((const char * const *) s->aliases, name_or_alias))
        return s;
    }

  return NULL;
}

const char *
zc_taxonomy_series_get_code (const ZcTaxonomySeries *s)
{
  g_return_val_if_fail (s != NULL, NULL);

  return s->code;
}

const char *
zc_taxonomy_series_get_slug (const ZcTaxonomySeries *s)
{
  g_return_val_if_fail (s != NULL, NULL);

  return s->slug;
}

const char *
zc_taxonomy_series_get_name (const ZcTaxonomySeries *s)
{
  g_return_val_if_fail (s != NULL, NULL);

  return s->name;
}

/* Returns: (nullable): the English name, when the data has one */
const char *
zc_taxonomy_series_get_name_en (const ZcTaxonomySeries *s)
{
  g_return_val_if_fail (s != NULL, NULL);

  return s->name_en;
}

/* The data carries both names, so this does not go through gettext:
 * English when asked for and known, the official Chinese name otherwise. */
const char *
zc_taxonomy_series_get_label (const ZcTaxonomySeries *s,
                              ZcLanguage              language)
{
  g_return_val_if_fail (s != NULL, NULL);

  if (language == ZC_LANGUAGE_ENGLISH && s->name_en != NULL)
    return s->name_en;

  return s->name;
}

const char * const *
zc_taxonomy_series_get_aliases (const ZcTaxonomySeries *s)
{
  g_return_val_if_fail (s != NULL, NULL);

  return (const char * const *) s->aliases;
}

/* Returns: (nullable): the reform document the series follows */
const char *
zc_taxonomy_series_get_source (const ZcTaxonomySeries *s)
{
  g_return_val_if_fail (s != NULL, NULL);

  return s->source;
}

guint
zc_taxonomy_series_get_n_categories (const ZcTaxonomySeries *s)
{
  g_return_val_if_fail (s != NULL, 0);

  return s->categories->len;
}

const ZcTaxonomyCategory *
zc_taxonomy_series_get_category (const ZcTaxonomySeries *s,
                                 guint                   index)
{
  g_return_val_if_fail (s != NULL, NULL);
  g_return_val_if_fail (index < s->categories->len, NULL);

  return g_ptr_array_index (s->categories, index);
}

const ZcTaxonomyCategory *
zc_taxonomy_series_find_category (const ZcTaxonomySeries *s,
                                  const char             *name)
{
  g_return_val_if_fail (s != NULL, NULL);

  if (name == NULL)
    return NULL;

  for (guint i = 0; i < s->categories->len; i++)
    {
      const ZcTaxonomyCategory *c = g_ptr_array_index (s->categories, i);

      if (strcmp (c->name, name) == 0)
        return c;
    }

  return NULL;
}

const char *
zc_taxonomy_category_get_name (const ZcTaxonomyCategory *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  return c->name;
}

/* Returns: (nullable): the title, or %NULL when the category does not
 * have the level (most series have no 员级 since the reform) */
const char *
zc_taxonomy_category_get_title (const ZcTaxonomyCategory *c,
                                ZcTitleLevel              level)
{
  g_return_val_if_fail (c != NULL, NULL);
  g_return_val_if_fail ((guint) level < ZC_N_TITLE_LEVELS, NULL);

  return c->titles[level];
}

/* Returns: other accepted names at @level; empty, never %NULL */
const char * const *
zc_taxonomy_category_get_alternative_titles (const ZcTaxonomyCategory *c,
                                             ZcTitleLevel              level)
{
  g_return_val_if_fail (c != NULL, NULL);
  g_return_val_if_fail ((guint) level < ZC_N_TITLE_LEVELS, NULL);

  return (const char * const *) c->alternatives[level];
}

const char * const *
zc_taxonomy_category_get_specialties (const ZcTaxonomyCategory *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  return (const char * const *) c->specialties;
}

/* %FALSE when the list is only representative (most are: provinces and
 * committees set their own specialties). */
gboolean
zc_taxonomy_category_specialties_complete (const ZcTaxonomyCategory *c)
{
  g_return_val_if_fail (c != NULL, FALSE);

  return c->specialties_complete;
}

/* Methods */

const char * const *
zc_taxonomy_get_method_keys (ZcTaxonomy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->method_keys;
}

/* Returns: (nullable): the method's name, %NULL for an unknown key */
const char *
zc_taxonomy_get_method_name (ZcTaxonomy *self,
                             const char *key,
                             ZcLanguage  language)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (key == NULL)
    return NULL;

  for (guint i = 0; i < self->methods->len; i++)
    {
      const ZcTaxonomyMethod *m = g_ptr_array_index (self->methods, i);

      if (strcmp (m->key, key) == 0)
        return (language == ZC_LANGUAGE_ENGLISH && m->name_en != NULL) ? m->name_en : m->name;
    }

  return NULL;
}

/* Resolving and checking titles */

static gboolean
set_unknown_series (GError     **error,
                    const char  *code,
                    ZcLanguage   language)
{
  g_autofree char *message = zc_translate_printf (language, N_("Unknown title series “%s”"), code);

  g_set_error_literal (error, ZC_TAXONOMY_ERROR, ZC_TAXONOMY_ERROR_UNKNOWN_SERIES, message);
  return FALSE;
}

/**
 * zc_taxonomy_resolve_title:
 * @series_code: the series the title belongs to, "03"
 * @title: a title name (main or alternative), "助理研究员"
 * @category_out: (out) (optional): the (first) category with the title
 * @level_out: (out) (optional): the level of the title
 *
 * Errors are %ZC_TAXONOMY_ERROR_UNKNOWN_SERIES or _UNKNOWN_TITLE, with
 * the message in the process language.
 */
gboolean
zc_taxonomy_resolve_title (ZcTaxonomy                *self,
                           const char                *series_code,
                           const char                *title,
                           const ZcTaxonomyCategory **category_out,
                           ZcTitleLevel              *level_out,
                           GError                   **error)
{
  const ZcTaxonomySeries *s;
  const ZcTaxonomyTitle *entry;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (series_code != NULL, FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = zc_taxonomy_find_series (self, series_code);
  if (s == NULL)
    return set_unknown_series (error, series_code, ZC_LANGUAGE_LOCALE);

  entry = g_hash_table_lookup (s->titles, title);
  if (entry == NULL)
    {
      g_autofree char *message = zc_translate_printf (ZC_LANGUAGE_LOCALE,
                                                      N_("“%s” is not a title of the series %s"),
                                                      title, s->name);

      g_set_error_literal (error, ZC_TAXONOMY_ERROR, ZC_TAXONOMY_ERROR_UNKNOWN_TITLE, message);
      return FALSE;
    }

  if (category_out != NULL)
    *category_out = entry->category;
  if (level_out != NULL)
    *level_out = entry->level;
  return TRUE;
}

typedef enum
{
  PICK_SERIES,
  PICK_CATEGORY,
  PICK_LEVEL,
  PICK_TITLE,
  PICK_SPECIALTY,
  N_PICK_MEMBERS,
} PickMember;

static const struct {
  const char *member;
  const char *missing;
  const char *not_text;
} pick_members[N_PICK_MEMBERS] = {
  [PICK_SERIES]    = { "series",    N_("Choose a title series"),       N_("The title series must be text") },
  [PICK_CATEGORY]  = { "category",  N_("Choose a category"),           N_("The category must be text") },
  [PICK_LEVEL]     = { "level",     N_("Choose a level"),              N_("The level must be text") },
  [PICK_TITLE]     = { "title",     N_("Choose a title"),              N_("The title must be text") },
  [PICK_SPECIALTY] = { "specialty", N_("Choose or enter a specialty"), N_("The specialty must be text") },
};

G_GNUC_PRINTF (4, 5)
static gboolean
pick_error (GError     **error,
            ZcTaxonomyError code,
            ZcLanguage   language,
            const char  *msgid_format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, msgid_format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  /* msgfmt -c checks each translation against its msgid's format. */
  message = g_strdup_vprintf (zc_translate (language, msgid_format), args);
#pragma GCC diagnostic pop
  va_end (args);

  g_set_error_literal (error, ZC_TAXONOMY_ERROR, code, message);
  return FALSE;
}

static gboolean
pick_missing (GError     **error,
              PickMember   member,
              ZcLanguage   language)
{
  return pick_error (error, ZC_TAXONOMY_ERROR_INVALID, language, "%s",
                     zc_translate (language, pick_members[member].missing));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
check_free_specialty (const char  *specialty,
                      ZcLanguage   language,
                      GError     **error)
{
  if (!g_utf8_validate (specialty, -1, NULL))
    return pick_error (error, ZC_TAXONOMY_ERROR_INVALID, language,
                       N_("The specialty must be text"));

  if (g_utf8_strlen (specialty, -1) > ZC_TAXONOMY_SPECIALTY_MAX_CHARS)
    return pick_error (error, ZC_TAXONOMY_ERROR_INVALID, language,
                       N_("The specialty may have at most %u characters"),
                       (guint) ZC_TAXONOMY_SPECIALTY_MAX_CHARS);

  for (const char *p = specialty; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return pick_error (error, ZC_TAXONOMY_ERROR_INVALID, language,
                         N_("The specialty may not contain line breaks or control characters"));

  return TRUE;
}

static gboolean
check_pick_title (const ZcTaxonomyCategory *c,
                  ZcTitleLevel              level,
                  const char               *title,
                  ZcLanguage                language,
                  GError                  **error)
{
  for (guint i = 0; i < ZC_N_TITLE_LEVELS; i++)
    {
      gboolean here = g_strcmp0 (c->titles[i], title) == 0 ||
                      g_strv_contains ((const char * const *) c->alternatives[i], title);

      if (!here)
        continue;
      if (i == level)
        return TRUE;

      return pick_error (error, ZC_TAXONOMY_ERROR_UNKNOWN_TITLE, language,
                         N_("The level of the title “%s” is %s, not %s"), title,
                         zc_title_level_get_label (i, language),
                         zc_title_level_get_label (level, language));
    }

  return pick_error (error, ZC_TAXONOMY_ERROR_UNKNOWN_TITLE, language,
                     N_("“%s” is not a title of the category %s"), title, c->name);
}

/**
 * zc_taxonomy_check_pick:
 * @pick: the pick object
 * @depth: the deepest member required: "series", "category", "level",
 *   "title" or "specialty"
 * @language: the language of the error message
 *
 * See the header for the rules.  Errors: %ZC_TAXONOMY_ERROR_INVALID for
 * a missing member, a wrong JSON type, an unknown member or depth, or a
 * malformed free-text specialty; _UNKNOWN_SERIES, _UNKNOWN_CATEGORY,
 * _UNKNOWN_LEVEL (also for a level the category does not have),
 * _UNKNOWN_TITLE (also for a title of another level) and
 * _UNKNOWN_SPECIALTY for values the taxonomy does not have.
 */
gboolean
zc_taxonomy_check_pick (ZcTaxonomy  *self,
                        JsonObject  *pick,
                        const char  *depth,
                        ZcLanguage   language,
                        GError     **error)
{
  const char *values[N_PICK_MEMBERS] = { NULL, };
  g_autoptr(GList) names = NULL;
  const ZcTaxonomySeries *s;
  const ZcTaxonomyCategory *c = NULL;
  ZcTitleLevel level = ZC_TITLE_LEVEL_CLERK;
  int deepest = -1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (pick != NULL, FALSE);
  g_return_val_if_fail (depth != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (int i = 0; i < N_PICK_MEMBERS; i++)
    if (strcmp (pick_members[i].member, depth) == 0)
      deepest = i;
  if (deepest < 0)
    return pick_error (error, ZC_TAXONOMY_ERROR_INVALID, language,
                       N_("Unknown depth “%s” of a title pick"), depth);

  names = json_object_get_members (pick);
  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < N_PICK_MEMBERS; i++)
        known |= strcmp (pick_members[i].member, l->data) == 0;
      if (!known)
        return pick_error (error, ZC_TAXONOMY_ERROR_INVALID, language,
                           N_("The title pick has an unknown member “%s”"), (const char *) l->data);
    }

  /* A deeper member that is present makes everything above it required:
   * a title means nothing without its series and category. */
  for (int i = 0; i < N_PICK_MEMBERS; i++)
    {
      JsonNode *node = json_object_get_member (pick, pick_members[i].member);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!zc_taxonomy_node_is_string (node))
        return pick_error (error, ZC_TAXONOMY_ERROR_INVALID, language, "%s",
                           zc_translate (language, pick_members[i].not_text));
      values[i] = json_node_get_string (node);
      if (values[i] == NULL || is_blank (values[i]))
        values[i] = NULL;
      else
        deepest = MAX (deepest, i);
    }

  if (values[PICK_SERIES] == NULL)
    return pick_missing (error, PICK_SERIES, language);
  s = zc_taxonomy_find_series (self, values[PICK_SERIES]);
  if (s == NULL)
    return set_unknown_series (error, values[PICK_SERIES], language);

  if (deepest >= PICK_CATEGORY)
    {
      if (values[PICK_CATEGORY] == NULL)
        return pick_missing (error, PICK_CATEGORY, language);
      c = zc_taxonomy_series_find_category (s, values[PICK_CATEGORY]);
      if (c == NULL)
        return pick_error (error, ZC_TAXONOMY_ERROR_UNKNOWN_CATEGORY, language,
                           N_("“%s” is not a category of the series %s"),
                           values[PICK_CATEGORY], zc_taxonomy_series_get_label (s, language));
    }

  if (deepest >= PICK_LEVEL)
    {
      if (values[PICK_LEVEL] == NULL)
        return pick_missing (error, PICK_LEVEL, language);
      if (!zc_title_level_from_string (values[PICK_LEVEL], &level))
        return pick_error (error, ZC_TAXONOMY_ERROR_UNKNOWN_LEVEL, language,
                           N_("Unknown level “%s”"), values[PICK_LEVEL]);
      if (c->titles[level] == NULL)
        return pick_error (error, ZC_TAXONOMY_ERROR_UNKNOWN_LEVEL, language,
                           N_("The category %s has no %s title"),
                           c->name, zc_title_level_get_label (level, language));
    }

  if (deepest >= PICK_TITLE)
    {
      if (values[PICK_TITLE] == NULL)
        return pick_missing (error, PICK_TITLE, language);
      if (!check_pick_title (c, level, values[PICK_TITLE], language, error))
        return FALSE;
    }

  if (deepest >= PICK_SPECIALTY)
    {
      const char *specialty = values[PICK_SPECIALTY];

      /* A category whose complete list is empty has no specialties
       * (会计, 统计, 审计): none is asked for and none is accepted. */
      if (c->specialties_complete && c->specialties[0] == NULL)
        {
          if (specialty != NULL)
            return pick_error (error, ZC_TAXONOMY_ERROR_UNKNOWN_SPECIALTY, language,
                               N_("The category %s has no specialties"), c->name);
        }
      else if (specialty == NULL)
        return pick_missing (error, PICK_SPECIALTY, language);
      else if (!c->specialties_complete)
        return check_free_specialty (specialty, language, error);
      else if (!g_strv_contains ((const char * const *) c->specialties, specialty))
        return pick_error (error, ZC_TAXONOMY_ERROR_UNKNOWN_SPECIALTY, language,
                           N_("“%s” is not a specialty of the category %s"), specialty, c->name);
    }

  return TRUE;
}

/* The cascade */

static void
add_title_ref (GPtrArray                *refs,
               const ZcTaxonomySeries   *s,
               const ZcTaxonomyCategory *c,
               ZcTitleLevel              level,
               const char               *title,
               gboolean                  alternative)
{
  ZcTitleRef *ref = g_new0 (ZcTitleRef, 1);

  ref->series_code = g_strdup (s->code);
  ref->category = g_strdup (c->name);
  ref->level = level;
  ref->title = g_strdup (title);
  ref->alternative = alternative;
  g_ptr_array_add (refs, ref);
}

/**
 * zc_taxonomy_list_titles:
 * @series_code: (nullable): only this series
 * @category: (nullable): only categories of this name
 * @level: only this #ZcTitleLevel, or -1 for any
 *
 * Returns: (transfer full) (element-type ZcTitleRef): the titles, main
 *   title before alternatives, in data order
 */
GPtrArray *
zc_taxonomy_list_titles (ZcTaxonomy *self,
                         const char *series_code,
                         const char *category,
                         int         level)
{
  GPtrArray *refs;

  g_return_val_if_fail (self != NULL, NULL);

  refs = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_title_ref_free);

  for (guint i = 0; i < self->series->len; i++)
    {
      const ZcTaxonomySeries *s = g_ptr_array_index (self->series, i);

      if (series_code != NULL && strcmp (series_code, s->code) != 0)
        continue;

      for (guint j = 0; j < s->categories->len; j++)
        {
          const ZcTaxonomyCategory *c = g_ptr_array_index (s->categories, j);

          if (category != NULL && strcmp (category, c->name) != 0)
            continue;

          for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
            {
              if ((level != -1 && level != (int) l) || c->titles[l] == NULL)
                continue;
              add_title_ref (refs, s, c, l, c->titles[l], FALSE);
              for (guint k = 0; c->alternatives[l][k] != NULL; k++)
                add_title_ref (refs, s, c, l, c->alternatives[l][k], TRUE);
            }
        }
    }

  return refs;
}

ZcTitleRef *
zc_title_ref_copy (const ZcTitleRef *ref)
{
  ZcTitleRef *copy;

  g_return_val_if_fail (ref != NULL, NULL);

  copy = g_new0 (ZcTitleRef, 1);
  copy->series_code = g_strdup (ref->series_code);
  copy->category = g_strdup (ref->category);
  copy->level = ref->level;
  copy->title = g_strdup (ref->title);
  copy->alternative = ref->alternative;
  return copy;
}

void
zc_title_ref_free (ZcTitleRef *ref)
{
  if (ref == NULL)
    return;

  g_free (ref->series_code);
  g_free (ref->category);
  g_free (ref->title);
  g_free (ref);
}
