/* zc-message-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-message"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-api-json.h"
#include "zc-declaration-body.h"
#include "zc-declaration-workflow.h"
#include "zc-form-schema.h"
#include "zc-message-service.h"
#include "zc-review-state.h"
#include "zc-store-sync.h"

#define ENTRY_SUMMARY_MAX_CHARS 60

static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= ENTRY_SUMMARY_MAX_CHARS)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, ENTRY_SUMMARY_MAX_CHARS);
  return g_strconcat (start, "…", NULL);
}

/* What names an entry for people: its first summary field that is a
 * text (a title, a unit), else the first that has a value at all. */
static char *
entry_summary (const ZcStoredRecord *record)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  const char * const *fields;
  const char *fallback = NULL;
  gint64 year = 0;

  if (g_str_has_prefix (record->kind, ZC_RECORD_KIND_ARCHIVE_PREFIX))
    schema = zc_form_schema_lookup (record->kind + strlen (ZC_RECORD_KIND_ARCHIVE_PREFIX), NULL);
  fields = schema != NULL ? zc_form_schema_get_summary_fields (schema) : NULL;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const ZcFormField *field = zc_form_schema_find_field (schema, fields[i]);
      JsonNode *value = json_object_get_member (record->body, fields[i]);
      const char *text;

      if (value == NULL || field == NULL)
        continue;

      /* a year names an annual entry */
      if (json_node_get_value_type (value) == G_TYPE_INT64 &&
          zc_form_field_get_field_type (field) == ZC_FIELD_YEAR && year == 0)
        year = json_node_get_int (value);
      if (json_node_get_value_type (value) != G_TYPE_STRING)
        continue;
      text = json_node_get_string (value);
      if (*text == '\0')
        continue;

      if (zc_form_field_get_field_type (field) == ZC_FIELD_TEXT ||
          zc_form_field_get_field_type (field) == ZC_FIELD_LONG_TEXT)
        return shorten (text);
      /* a date, not an enum code */
      if (fallback == NULL && zc_form_field_get_field_type (field) != ZC_FIELD_ENUM)
        fallback = text;
    }

  if (year != 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, year);

  return shorten (fallback != NULL ? fallback : "");
}

/**
 * zc_message_service_notify_in:
 * @record: the entry after the change
 * @action: "archive.approve" …
 *
 * Tells the entry's owner that its state changed.
 */
gboolean
zc_message_service_notify_in (ZcStoreTxn             *txn,
                              const ZcChangeContext  *change,
                              const ZcStoredRecord   *record,
                              const char             *action,
                              const char             *from_state,
                              const char             *comment,
                              GError                **error)
{
  g_autoptr(ZcStoredMessage) message = zc_stored_message_new ();
  g_autofree char *summary = entry_summary (record);

  g_return_val_if_fail (txn != NULL && change != NULL && record != NULL && action != NULL, FALSE);

  message->id = g_uuid_string_random ();
  message->account_id = g_strdup (record->owner_id);
  message->record_id = g_strdup (record->id);
  message->action = g_strdup (action);
  message->created_at = change->now;
  message->detail = json_object_new ();
  json_object_set_string_member (message->detail, "record_kind", record->kind);
  json_object_set_string_member (message->detail, "entry", summary);
  json_object_set_string_member (message->detail, "from", from_state);
  json_object_set_string_member (message->detail, "to", record->state);
  json_object_set_string_member (message->detail, "comment", comment);
  json_object_set_string_member (message->detail, "actor_name", change->caller->name);
  json_object_set_string_member (message->detail, "actor_role", zc_role_to_string (change->caller->role));

  return zc_store_sync_next_seq (txn, &message->seq, error) &&
         zc_store_messages_insert (txn, message, error);
}

static const char *
detail_string (const ZcStoredMessage *message,
               const char            *name)
{
  JsonNode *node = json_object_get_member (message->detail, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static char *
category_title (const ZcStoredMessage *message,
                ZcLanguage             language)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  const char *kind = detail_string (message, "record_kind");

  if (kind != NULL && g_str_has_prefix (kind, ZC_RECORD_KIND_ARCHIVE_PREFIX))
    schema = zc_form_schema_lookup (kind + strlen (ZC_RECORD_KIND_ARCHIVE_PREFIX), NULL);

  return g_strdup (schema != NULL ? zc_form_schema_get_title (schema, language) : "");
}

/* The interview's time as people in the province read it. */
static char *
beijing_time (const char *timestamp)
{
  g_autoptr(GDateTime) time = timestamp != NULL ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (timestamp != NULL ? timestamp : "");
  local = g_date_time_to_timezone (time, zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* A declaration's message (docs/declarations.md): the plan names it;
 * the interview carries time and place, a return its reason. */
static void
render_declaration (const ZcStoredMessage  *message,
                    ZcLanguage              language,
                    char                  **title,
                    char                  **text)
{
  const char *action = message->action + strlen ("declaration.");
  const char *plan = detail_string (message, "plan_name");
  const char *actor = detail_string (message, "actor_name");
  const char *comment = detail_string (message, "comment");
  const char *ends_on = detail_string (message, "ends_on");
  const char *step = detail_string (message, "step");
  const char *to = detail_string (message, "to");
  ZcDeclarationStep step_value;
  ZcDeclarationState state;

  if (plan == NULL)
    plan = "";
  if (actor == NULL)
    actor = "";
  if (comment == NULL)
    comment = "";
  if (ends_on == NULL)
    ends_on = "";

  if (g_str_equal (action, "submit"))
    {
      *title = g_strdup (zc_translate (language, N_("Declaration submitted")));
      *text = zc_translate_printf (language, N_("Your declaration to “%s” was submitted to your unit for review."),
                                   plan);
    }
  else if (g_str_equal (action, "resubmit"))
    {
      *title = g_strdup (zc_translate (language, N_("Declaration resubmitted")));
      *text = zc_translate_printf (language, N_("Your declaration to “%s” was submitted to your unit again for "
                                                "review."), plan);
    }
  else if (g_str_equal (action, "withdraw"))
    {
      *title = g_strdup (zc_translate (language, N_("Declaration withdrawn")));
      *text = zc_translate_printf (language, N_("You withdrew your declaration to “%s”; it is a draft again."), plan);
    }
  else if (g_str_equal (action, "discard"))
    {
      *title = g_strdup (zc_translate (language, N_("Declaration discarded")));
      *text = zc_translate_printf (language, N_("Your declaration to “%s” was discarded."), plan);
    }
  else if (g_str_equal (action, "recommend"))
    {
      *title = g_strdup (zc_translate (language, N_("Recommended by your unit")));
      /* Translators: %s are a person and a review plan */
      *text = zc_translate_printf (language, N_("%s recommended your declaration to “%s”."), actor, plan);
    }
  else if (g_str_equal (action, "return"))
    {
      *title = g_strdup (zc_translate (language, N_("Declaration returned")));
      if (step != NULL && zc_declaration_step_from_string (step, &step_value))
        /* Translators: %s are a person, a review plan, the step of the form to change and the reason */
        *text = zc_translate_printf (language, N_("%s returned your declaration to “%s” for you to change (%s): "
                                                  "%s"), actor, plan,
                                     zc_declaration_step_get_label (step_value, language), comment);
      else
        /* Translators: %s are a person, a review plan and the reason */
        *text = zc_translate_printf (language, N_("%s returned your declaration to “%s” for you to change: %s"),
                                     actor, plan, comment);
    }
  else if (g_str_equal (action, "start_publicity"))
    {
      *title = g_strdup (zc_translate (language, N_("Unit publicity started")));
      /* Translators: %s are a review plan and a date */
      *text = zc_translate_printf (language, N_("Your declaration to “%s” is publicized by your unit until %s."),
                                   plan, ends_on);
    }
  else if (g_str_equal (action, "end_publicity"))
    {
      *title = g_strdup (zc_translate (language, N_("Unit publicity ended")));
      *text = zc_translate_printf (language, N_("The unit's publicity of your declaration to “%s” has ended."),
                                   plan);
    }
  else if (g_str_equal (action, "forward"))
    {
      *title = g_strdup (zc_translate (language, N_("Forwarded by your unit")));
      *text = zc_translate_printf (language, N_("%s forwarded your declaration to “%s” to the next level."), actor,
                                   plan);
    }
  else if (g_str_equal (action, "pass"))
    {
      *title = g_strdup (zc_translate (language, N_("Passed by the competent department")));
      *text = zc_translate_printf (language, N_("%s passed your declaration to “%s” on to the review committee."),
                                   actor, plan);
    }
  else if (g_str_equal (action, "accept"))
    {
      *title = g_strdup (zc_translate (language, N_("Accepted by the review committee")));
      *text = zc_translate_printf (language, N_("The review committee accepted your declaration to “%s” for "
                                                "review."), plan);
    }
  else if (g_str_equal (action, "schedule_interview"))
    {
      g_autofree char *at = beijing_time (detail_string (message, "interview_at"));
      const char *place = detail_string (message, "place");

      *title = g_strdup (zc_translate (language, N_("Interview scheduled")));
      /* Translators: %s are a review plan, a time and a place */
      *text = zc_translate_printf (language, N_("Your interview for the declaration to “%s” is at %s, %s."), plan,
                                   at, place != NULL ? place : "");
    }
  else if (g_str_equal (action, "record_pass"))
    {
      *title = g_strdup (zc_translate (language, N_("Review passed")));
      *text = zc_translate_printf (language, N_("Your declaration to “%s” passed the committee's review."), plan);
    }
  else if (g_str_equal (action, "record_fail"))
    {
      *title = g_strdup (zc_translate (language, N_("Review not passed")));
      /* Translators: %s are a review plan and the reason */
      *text = zc_translate_printf (language, N_("Your declaration to “%s” did not pass the review: %s"), plan,
                                   comment);
    }
  else if (g_str_equal (action, "start_result_publicity"))
    {
      *title = g_strdup (zc_translate (language, N_("Review result publicized")));
      *text = zc_translate_printf (language, N_("The review result of your declaration to “%s” is publicized until "
                                                "%s."), plan, ends_on);
    }
  else if (g_str_equal (action, "end_result_publicity"))
    {
      *title = g_strdup (zc_translate (language, N_("Review result publicity ended")));
      *text = zc_translate_printf (language, N_("The publicity of the review result of your declaration to “%s” "
                                                "has ended."), plan);
    }
  else if (g_str_equal (action, "forward_to_issuer"))
    {
      *title = g_strdup (zc_translate (language, N_("Sent for certification")));
      *text = zc_translate_printf (language, N_("The review committee sent your declaration to “%s” to the "
                                                "issuing authority."), plan);
    }
  else if (g_str_equal (action, "issue") || g_str_equal (action, "determine"))
    {
      *title = g_strdup (zc_translate (language, N_("Certificate issued")));
      *text = zc_translate_printf (language, N_("The title of your declaration to “%s” has been conferred and its "
                                                "certificate issued."), plan);
    }
  else
    {
      *title = g_strdup (zc_translate (language, N_("Declaration changed")));
      /* Translators: %s are a review plan and a state */
      *text = zc_translate_printf (language, N_("Your declaration to “%s” is now: %s."), plan,
                                   zc_declaration_state_from_string (to, &state)
                                     ? zc_declaration_state_get_label (state, language) : "");
    }
}

/* The message in words, in @language. */
static void
render (const ZcStoredMessage  *message,
        ZcLanguage              language,
        char                  **title,
        char                  **text)
{
  g_autofree char *category = category_title (message, language);
  const char *entry = detail_string (message, "entry");
  const char *actor = detail_string (message, "actor_name");
  const char *comment = detail_string (message, "comment");
  const char *to = detail_string (message, "to");
  ZcReviewState state;

  if (g_str_has_prefix (message->action, "declaration."))
    {
      render_declaration (message, language, title, text);
      return;
    }

  if (entry == NULL)
    entry = "";
  if (actor == NULL)
    actor = "";

  if (g_str_equal (message->action, "archive.approve"))
    {
      *title = g_strdup (zc_translate (language, N_("Archive entry approved")));
      *text = comment != NULL
        /* Translators: %s are a person, an archive entry, its category and the comment */
        ? zc_translate_printf (language, N_("%s approved your entry “%s” (%s): %s"), actor, entry, category, comment)
        : zc_translate_printf (language, N_("%s approved your entry “%s” (%s)."), actor, entry, category);
    }
  else if (g_str_equal (message->action, "archive.return"))
    {
      *title = g_strdup (zc_translate (language, N_("Archive entry returned")));
      *text = zc_translate_printf (language, N_("%s returned your entry “%s” (%s) for you to complete: %s"),
                                   actor, entry, category, comment != NULL ? comment : "");
    }
  else if (g_str_equal (message->action, "archive.reject"))
    {
      *title = g_strdup (zc_translate (language, N_("Archive entry not approved")));
      *text = zc_translate_printf (language, N_("%s did not approve your entry “%s” (%s): %s"),
                                   actor, entry, category, comment != NULL ? comment : "");
    }
  else if (g_str_equal (message->action, "archive.submit_for_review"))
    {
      *title = g_strdup (zc_translate (language, N_("Archive entry sent for review")));
      *text = zc_translate_printf (language, N_("Your entry “%s” (%s) went to your unit for review."),
                                   entry, category);
    }
  else if (g_str_equal (message->action, "archive.edit"))
    {
      *title = g_strdup (zc_translate (language, N_("Archive entry to be reviewed again")));
      *text = zc_translate_printf (language, N_("Your entry “%s” (%s) was changed and goes to your unit "
                                                "for review again."), entry, category);
    }
  else
    {
      *title = g_strdup (zc_translate (language, N_("Archive entry changed")));
      *text = zc_translate_printf (language, N_("Your entry “%s” (%s) is now: %s."), entry, category,
                                   zc_review_state_from_string (to, &state)
                                     ? zc_review_state_get_label (state, language) : "");
    }
}

static JsonObject *
message_body (const ZcStoredMessage *message,
              ZcLanguage             language)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  JsonObject *body = zc_json_object_copy_deep (message->detail);

  render (message, language, &title, &text);
  json_object_set_string_member (body, "action", message->action);
  json_object_set_string_member (body, "record_id", message->record_id);
  json_object_set_string_member (body, "title", title);
  json_object_set_string_member (body, "text", text);

  return body;
}

/* Returns: (transfer full): the message as the messages API shows it */
JsonNode *
zc_message_to_json (const ZcStoredMessage *message,
                    ZcLanguage             language)
{
  g_autofree char *created_at = zc_api_json_time (message->created_at);
  g_autofree char *read_at = message->read_at != 0 ? zc_api_json_time (message->read_at) : NULL;
  JsonObject *object = message_body (message, language);

  json_object_set_string_member (object, "id", message->id);
  json_object_set_boolean_member (object, "read", message->read_at != 0);
  json_object_set_string_member (object, "created_at", created_at);
  json_object_set_string_member (object, "read_at", read_at);

  return json_node_init_object (json_node_alloc (), object);
}

/**
 * zc_message_to_record:
 *
 * Returns: (transfer full): the message as a pull carries it: a record
 *   of kind "message", owned by the addressee, in state "unread" or
 *   "read", with the words in its body
 */
ZcRecord *
zc_message_to_record (const ZcStoredMessage *message,
                      ZcLanguage             language)
{
  g_autoptr(JsonObject) body = message_body (message, language);
  g_autoptr(GDateTime) created_at = g_date_time_new_from_unix_utc (message->created_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) updated_at = g_date_time_new_from_unix_utc (MAX (message->read_at, message->created_at)
                                                                   / G_USEC_PER_SEC);
  ZcRecord *record = zc_record_new (message->id, ZC_MESSAGE_KIND, message->account_id);

  zc_record_set_body (record, body);
  zc_record_set_state (record, message->read_at != 0 ? "read" : "unread");
  zc_record_set_version (record, message->read_at != 0 ? 2 : 1);
  zc_record_set_created_at (record, created_at);
  zc_record_set_updated_at (record, updated_at);

  return record;
}

/**
 * zc_message_service_mark_read_in:
 *
 * Marks one of the caller's messages read (again: nothing changes).
 *
 * Returns: (transfer full): the message
 */
ZcStoredMessage *
zc_message_service_mark_read_in (ZcStoreTxn             *txn,
                                 const ZcChangeContext  *change,
                                 const char             *message_id,
                                 GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredMessage) message = zc_store_messages_get (txn, message_id, &local_error);
  gboolean marked = FALSE;
  gint64 seq = 0;

  if (message == NULL)
    {
      zc_record_service_store_failed (error, local_error, change->language);
      return NULL;
    }
  if (g_strcmp0 (message->account_id, change->caller->account_id) != 0)
    {
      zc_api_set_not_found (error, change->language);
      return NULL;
    }
  if (message->read_at != 0)
    return g_steal_pointer (&message);

  if (!zc_store_sync_next_seq (txn, &seq, error) ||
      !zc_store_messages_mark_read (txn, message_id, change->now, seq, &marked, error))
    return NULL;

  message->read_at = change->now;
  message->seq = seq;
  return g_steal_pointer (&message);
}

/**
 * zc_message_service_list:
 * @n_unread: (out): how many of all the caller's messages are unread
 *
 * Returns: (transfer full) (element-type ZcStoredMessage): the caller's
 *   messages, newest first
 */
GPtrArray *
zc_message_service_list (ZcContext       *ctx,
                         const ZcCaller  *caller,
                         gboolean         unread_only,
                         guint            limit,
                         guint            offset,
                         gint64          *n_unread,
                         ZcLanguage       language,
                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  g_autoptr(GPtrArray) messages = NULL;

  if (txn != NULL)
    messages = zc_store_messages_list (txn, caller->account_id, unread_only, limit, offset, &local_error);
  if (messages == NULL || !zc_store_messages_count_unread (txn, caller->account_id, n_unread, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&messages);
}

/* Returns: (transfer full): the message, now read */
ZcStoredMessage *
zc_message_service_mark_read (ZcContext       *ctx,
                              const ZcCaller  *caller,
                              const char      *message_id,
                              ZcLanguage       language,
                              GError         **error)
{
  ZcChangeContext change = { caller, NULL, 0, NULL, language, zc_context_now (ctx) };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (ctx->store, &local_error);
  g_autoptr(ZcStoredMessage) message = NULL;

  if (txn != NULL)
    message = zc_message_service_mark_read_in (txn, &change, message_id, &local_error);
  if (message == NULL || !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&message);
}

/**
 * zc_message_service_mark_all_read:
 * @n_marked: (out): how many were unread
 */
gboolean
zc_message_service_mark_all_read (ZcContext       *ctx,
                                  const ZcCaller  *caller,
                                  gint64          *n_marked,
                                  ZcLanguage       language,
                                  GError         **error)
{
  ZcChangeContext change = { caller, NULL, 0, NULL, language, zc_context_now (ctx) };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (ctx->store, &local_error);
  g_autoptr(GPtrArray) unread = NULL;

  *n_marked = 0;
  if (txn != NULL)
    unread = zc_store_messages_list (txn, caller->account_id, TRUE, G_MAXINT32, 0, &local_error);
  for (guint i = 0; unread != NULL && i < unread->len; i++)
    {
      g_autoptr(ZcStoredMessage) message = NULL;
      ZcStoredMessage *item = g_ptr_array_index (unread, i);

      message = zc_message_service_mark_read_in (txn, &change, item->id, &local_error);
      if (message == NULL)
        break;
      (*n_marked)++;
    }

  if (unread == NULL || local_error != NULL || !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return FALSE;
    }

  return TRUE;
}
