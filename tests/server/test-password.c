/* test-password.c: Argon2id hashing, its concurrency bound, the policy
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-password.h"

static void
test_hash_and_verify (void)
{
  g_autoptr(ZcPasswordHasher) hasher = zc_password_hasher_new (2, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = zc_password_hasher_hash (hasher, "zhang2026wei", ZC_LANGUAGE_ENGLISH, &error);
  g_autofree char *other = zc_password_hasher_hash (hasher, "zhang2026wei", ZC_LANGUAGE_ENGLISH, &error);
  gboolean matches = FALSE;
  gboolean rehash = TRUE;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_cmpstr (hash, !=, other);   /* salted */

  g_assert_true (zc_password_hasher_verify (hasher, hash, "zhang2026wei", &matches, &rehash,
                                            ZC_LANGUAGE_ENGLISH, &error));
  g_assert_true (matches);
  g_assert_false (rehash);
  g_assert_true (zc_password_hasher_verify (hasher, hash, "zhang2026Wei", &matches, NULL,
                                            ZC_LANGUAGE_ENGLISH, &error));
  g_assert_false (matches);
  g_assert_true (zc_password_hasher_verify (hasher, hash, "", &matches, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_false (matches);
  /* an unknown account: a hash is still computed, nothing matches */
  g_assert_true (zc_password_hasher_verify (hasher, NULL, "zhang2026wei", &matches, NULL,
                                            ZC_LANGUAGE_ENGLISH, &error));
  g_assert_false (matches);
  g_assert_true (zc_password_hasher_verify (hasher, "not a hash", "zhang2026wei", &matches, NULL,
                                            ZC_LANGUAGE_ENGLISH, &error));
  g_assert_false (matches);
  g_assert_no_error (error);
}

/* A hash made with other costs is reported for replacement. */
static void
test_needs_rehash (void)
{
  g_autoptr(ZcPasswordHasher) cheap = zc_password_hasher_new (1, TRUE);
  g_autoptr(ZcPasswordHasher) real = zc_password_hasher_new (1, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = zc_password_hasher_hash (cheap, "zhang2026wei", ZC_LANGUAGE_ENGLISH, &error);
  gboolean matches = FALSE;
  gboolean rehash = FALSE;

  g_assert_true (zc_password_hasher_verify (real, hash, "zhang2026wei", &matches, &rehash,
                                            ZC_LANGUAGE_ENGLISH, &error));
  g_assert_true (matches);
  g_assert_true (rehash);
}

typedef struct
{
  ZcPasswordHasher *hasher;
  GError           *error;
  char             *hash;
} HashJob;

static gpointer
hash_job (gpointer data)
{
  HashJob *job = data;

  job->hash = zc_password_hasher_hash (job->hasher, "zhang2026wei", ZC_LANGUAGE_ENGLISH, &job->error);
  return NULL;
}

/* One slot and two places in the queue: of ten hashes started at
 * once, some are turned away with 503 and Retry-After at once, and
 * every other one completes. */
static void
test_concurrency_bound (void)
{
  g_autoptr(ZcPasswordHasher) hasher = zc_password_hasher_new (1, FALSE);
  HashJob jobs[10] = { { 0 } };
  GThread *threads[10];
  guint refused = 0;
  guint done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].hasher = hasher;
      threads[i] = g_thread_new ("hash", hash_job, &jobs[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_thread_join (threads[i]);
      if (jobs[i].hash != NULL)
        done++;
      else
        {
          g_assert_error (jobs[i].error, ZC_API_ERROR, ZC_API_ERROR_UNAVAILABLE);
          g_assert_cmpstr (zc_api_error_get_code (jobs[i].error), ==, "unavailable");
          g_assert_cmpuint (zc_api_error_get_retry_after (jobs[i].error), >, 0);
          refused++;
        }
      g_clear_error (&jobs[i].error);
      g_free (jobs[i].hash);
    }

  g_assert_cmpuint (done + refused, ==, 10);
  g_assert_cmpuint (done, >=, 1);
  g_assert_cmpuint (refused, >=, 1);
  g_assert_cmpuint (done, <=, 3);
}

static void
assert_refused (const char *password,
                const char *id_number,
                const char *mobile)
{
  g_autoptr(GError) error = NULL;

  if (zc_password_check_policy (password, id_number, mobile, "new_password", ZC_LANGUAGE_ENGLISH, &error))
    g_error ("“%s” was accepted", password);
  g_assert_error (error, ZC_API_ERROR, ZC_API_ERROR_INVALID);
  g_assert_cmpstr (zc_api_error_get_code (error), ==, "invalid_value");
  g_assert_cmpstr (zc_api_error_get_field (error), ==, "new_password");
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
test_policy (void)
{
  static const char * const good[] = {
    "zhang2026wei", "abcdefg1", "张伟的密码2026", "Correct Horse 9 Battery",
    "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1"
    "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1",   /* 128 characters */
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *long_password = g_strnfill (129, 'a');

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      if (!zc_password_check_policy (good[i], "410102198503120014", "13800000001", "password",
                                     ZC_LANGUAGE_ENGLISH, &error))
        g_error ("“%s” was refused: %s", good[i], error->message);
    }

  long_password[0] = '1';
  assert_refused ("", NULL, NULL);
  assert_refused ("abc1234", NULL, NULL);              /* 7 characters */
  assert_refused (long_password, NULL, NULL);          /* 129 characters */
  assert_refused ("abcdefgh", NULL, NULL);             /* no digit */
  assert_refused ("12345678", NULL, NULL);             /* no letter */
  assert_refused ("Abcd1234", NULL, NULL);             /* common, in any case */
  assert_refused ("1qaz2wsx", NULL, NULL);
  assert_refused ("abc\n12345", NULL, NULL);           /* a control character */
  assert_refused ("x98503120014", "410102198503120014", NULL);   /* the last 8 of the ID number */
  assert_refused ("410102198503120014a", "410102198503120014", NULL);
  assert_refused ("id41010519900718002x", "41010519900718002X", NULL);   /* x in any case */
  assert_refused ("a13800000001", NULL, "13800000001");
  assert_refused ("\xff\xfe" "abcdefg1", NULL, NULL);  /* not UTF-8 */
}

static void
test_policy_languages (void)
{
  g_autoptr(GError) english = NULL;
  g_autoptr(GError) locale = NULL;

  g_assert_false (zc_password_check_policy ("short1", NULL, NULL, "password", ZC_LANGUAGE_ENGLISH, &english));
  g_assert_false (zc_password_check_policy ("short1", NULL, NULL, "password", ZC_LANGUAGE_LOCALE, &locale));
  g_assert_cmpstr (english->message, ==, "A password has 8 to 128 characters.");
  g_assert_cmpuint (strlen (locale->message), >, 0);
}

static void
test_initial_password (void)
{
  g_autofree char *first = zc_password_generate_initial ();
  g_autofree char *second = zc_password_generate_initial ();

  g_assert_cmpstr (first, !=, second);
  for (guint n = 0; n < 200; n++)
    {
      g_autofree char *password = zc_password_generate_initial ();
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (strlen (password), ==, 12);
      g_assert_null (strpbrk (password, "0O1lI"));
      g_assert_true (zc_password_check_policy (password, NULL, NULL, "password", ZC_LANGUAGE_ENGLISH, &error));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/password/hash-and-verify", test_hash_and_verify);
  g_test_add_func ("/server/password/needs-rehash", test_needs_rehash);
  g_test_add_func ("/server/password/concurrency-bound", test_concurrency_bound);
  g_test_add_func ("/server/password/policy", test_policy);
  g_test_add_func ("/server/password/policy-languages", test_policy_languages);
  g_test_add_func ("/server/password/initial", test_initial_password);

  return g_test_run ();
}
