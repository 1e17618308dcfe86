/* zc-password.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-password"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "zc-account-checks.h"
#include "zc-api-error.h"
#include "zc-password.h"

#define WAIT_USEC          (10 * G_USEC_PER_SEC)
#define WAITING_PER_SLOT   2
#define INITIAL_LENGTH     12

struct _ZcPasswordHasher
{
  GMutex              lock;
  GCond               cond;
  guint               max_running;
  guint               max_waiting;
  guint               running;          /* guarded by lock */
  guint               waiting;          /* guarded by lock */
  unsigned long long  opslimit;
  size_t              memlimit;
  char               *dummy_hash;       /* owned, guarded by lock: for unknown accounts */
};

/**
 * zc_password_hasher_new:
 * @max_concurrent: how many hashes may run at once
 * @fast: use libsodium's minimum costs; for tests only, where the
 *   suite would otherwise spend minutes hashing
 */
ZcPasswordHasher *
zc_password_hasher_new (guint    max_concurrent,
                        gboolean fast)
{
  ZcPasswordHasher *self;

  g_return_val_if_fail (max_concurrent > 0, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium cannot start");

  self = g_new0 (ZcPasswordHasher, 1);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->max_running = max_concurrent;
  self->max_waiting = max_concurrent * WAITING_PER_SLOT;
  if (fast)
    {
      g_message ("ZHICHENG_TEST_FAST_HASH is set: password hashes use the minimum cost (tests only)");
      self->opslimit = crypto_pwhash_OPSLIMIT_MIN;
      self->memlimit = crypto_pwhash_MEMLIMIT_MIN;
    }
  else
    {
      self->opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      self->memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    }

  return self;
}

void
zc_password_hasher_free (ZcPasswordHasher *self)
{
  if (self == NULL)
    return;

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->dummy_hash);
  g_free (self);
}

static void
set_busy (GError     **error,
          ZcLanguage   language)
{
  zc_api_set_error_retry (error, ZC_API_ERROR_UNAVAILABLE, "unavailable", 2,
                          zc_translate (language, N_("The server cannot answer right now. Please try again shortly.")));
}

/* Takes a hashing slot, waiting in a short queue; beyond the queue, or
 * after waiting too long, the caller is told to come back (503). */
static gboolean
acquire (ZcPasswordHasher  *self,
         ZcLanguage         language,
         GError           **error)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_USEC;

  g_mutex_lock (&self->lock);
  if (self->running >= self->max_running && self->waiting >= self->max_waiting)
    {
      g_mutex_unlock (&self->lock);
      set_busy (error, language);
      return FALSE;
    }

  self->waiting++;
  while (self->running >= self->max_running)
    {
      if (!g_cond_wait_until (&self->cond, &self->lock, deadline))
        {
          self->waiting--;
          g_mutex_unlock (&self->lock);
          set_busy (error, language);
          return FALSE;
        }
    }
  self->waiting--;
  self->running++;
  g_mutex_unlock (&self->lock);

  return TRUE;
}

static void
release (ZcPasswordHasher *self)
{
  g_mutex_lock (&self->lock);
  self->running--;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

static char *
hash_locked_out (ZcPasswordHasher *self,
                 const char       *password)
{
  char out[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (out, password, strlen (password), self->opslimit, self->memlimit) != 0)
    return NULL;

  return g_strdup (out);
}

/**
 * zc_password_hasher_hash:
 *
 * Returns: (transfer full): the `$argon2id$…` string to store
 */
char *
zc_password_hasher_hash (ZcPasswordHasher  *self,
                         const char        *password,
                         ZcLanguage         language,
                         GError           **error)
{
  char *hash;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (!acquire (self, language, error))
    return NULL;
  hash = hash_locked_out (self, password);
  release (self);

  if (hash == NULL)
    {
      /* crypto_pwhash_str fails only when it cannot get its memory */
      g_warning ("Password hashing failed: out of memory");
      set_busy (error, language);
    }

  return hash;
}

/**
 * zc_password_hasher_verify:
 * @hash: (nullable): the stored hash; %NULL for an unknown account, which
 *   costs the same time as a known one and never matches
 * @matches: (out): whether @password is right
 * @needs_rehash: (out) (optional): whether @hash was made with other
 *   costs than today's and should be replaced
 *
 * Returns: FALSE only when no hashing slot came free (503)
 */
gboolean
zc_password_hasher_verify (ZcPasswordHasher  *self,
                           const char        *hash,
                           const char        *password,
                           gboolean          *matches,
                           gboolean          *needs_rehash,
                           ZcLanguage         language,
                           GError           **error)
{
  g_autofree char *dummy = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (matches != NULL, FALSE);

  if (!acquire (self, language, error))
    return FALSE;

  if (hash == NULL)
    {
      g_mutex_lock (&self->lock);
      if (self->dummy_hash == NULL)
        self->dummy_hash = hash_locked_out (self, "not a password of anyone 0");
      dummy = g_strdup (self->dummy_hash);
      g_mutex_unlock (&self->lock);
    }

  ok = crypto_pwhash_str_verify (hash != NULL ? hash : (dummy != NULL ? dummy : ""),
                                 password, strlen (password)) == 0;
  release (self);

  *matches = ok && hash != NULL;
  if (needs_rehash != NULL)
    *needs_rehash = *matches && crypto_pwhash_str_needs_rehash (hash, self->opslimit, self->memlimit) != 0;

  return TRUE;
}

/* ---- policy ----------------------------------------------------------- */

/**
 * zc_password_check_policy:
 * @id_number: (nullable): the account's ID number
 * @mobile: (nullable): the account's mobile
 * @field: the request member the password came in, for the error
 *
 * 8 to 128 characters with at least one letter and one digit, not a
 * common password, and not containing the ID number's last eight
 * characters (Henan's old initial password) or the mobile number.
 */
gboolean
zc_password_check_policy (const char  *password,
                          const char  *id_number,
                          const char  *mobile,
                          const char  *field,
                          ZcLanguage   language,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!zc_account_rules_check_password (password, id_number, mobile, language, &local_error))
    {
      zc_api_set_invalid_field (error, field, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * zc_password_generate_initial:
 *
 * A one-time password for an account an administrator or a unit
 * creates: 12 characters from an alphabet without look-alikes (no 0/O,
 * 1/l/I), with letters and digits, about 70 bits.
 *
 * Returns: (transfer full): the password
 */
char *
zc_password_generate_initial (void)
{
  static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  char *password = g_malloc (INITIAL_LENGTH + 1);

  if (sodium_init () < 0)
    g_error ("libsodium cannot start");

  for (;;)
    {
      gboolean letter = FALSE;
      gboolean digit = FALSE;

      for (guint i = 0; i < INITIAL_LENGTH; i++)
        {
          password[i] = alphabet[randombytes_uniform (sizeof alphabet - 1)];
          if (g_ascii_isdigit (password[i]))
            digit = TRUE;
          else
            letter = TRUE;
        }
      password[INITIAL_LENGTH] = '\0';

      if (letter && digit)
        return password;
    }
}
