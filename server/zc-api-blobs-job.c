/* zc-api-blobs-job.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include "zc-api-blobs-job.h"
#include "zc-api-error.h"
#include "zc-http.h"

void
zc_blob_reply_header (ZcBlobReply *reply,
                      const char  *name,
                      const char  *value)
{
  g_return_if_fail (reply != NULL);
  g_return_if_fail (name != NULL && value != NULL);

  g_ptr_array_add (reply->headers, g_strdup (name));
  g_ptr_array_add (reply->headers, g_strdup (value));
}

/**
 * zc_blob_reply_json:
 * @json: (transfer full): the answer
 */
void
zc_blob_reply_json (ZcBlobReply *reply,
                    guint        status,
                    JsonNode    *json)
{
  g_return_if_fail (reply != NULL);

  reply->status = status;
  g_clear_pointer (&reply->json, json_node_unref);
  reply->json = json;
}

/* The `{code, message}` answer of @error, as zc-api.c gives it. */
void
zc_blob_reply_error (ZcBlobReply  *reply,
                     const GError *error,
                     ZcLanguage    language)
{
  g_autoptr(GError) api_error = NULL;
  guint retry_after;

  g_return_if_fail (reply != NULL);
  g_return_if_fail (error != NULL);

  if (error->domain != ZC_API_ERROR)
    {
      zc_api_error_from_other (&api_error, error, language);
      error = api_error;
    }

  zc_blob_reply_json (reply, (guint) error->code,
                      zc_api_error_body (zc_api_error_get_code (error), error->message,
                                         zc_api_error_get_field (error), zc_api_error_get_detail (error)));

  retry_after = zc_api_error_get_retry_after (error);
  if (retry_after > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", retry_after);

      zc_blob_reply_header (reply, "Retry-After", text);
    }
  if (error->code == ZC_API_ERROR_UNAUTHENTICATED)
    zc_blob_reply_header (reply, "WWW-Authenticate", "Bearer");
}

static void
apply_reply (SoupServerMessage *msg,
             ZcBlobReply       *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (reply->status == 0)
    return;

  for (guint i = 0; i + 1 < reply->headers->len; i += 2)
    soup_message_headers_replace (headers, reply->headers->pdata[i], reply->headers->pdata[i + 1]);

  if (reply->json != NULL)
    {
      zc_http_respond_json (msg, reply->status, reply->json);
      return;
    }

  soup_server_message_set_status (msg, reply->status, NULL);
  if (reply->bytes != NULL)
    {
      soup_message_headers_replace (headers, "Content-Type", reply->content_type);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), reply->bytes);
    }
}

typedef struct
{
  SoupServerMessage *msg;         /* owned until done */
  ZcBlobWorkFunc     work;
  gpointer           data;        /* owned through data_free */
  GDestroyNotify     data_free;
  ZcBlobReply        reply;
  gulong             finished_id;
  gboolean           finished;    /* the client went away */
} Job;

static void
job_free (gpointer user_data)
{
  Job *job = user_data;

  if (job->finished_id != 0)
    g_signal_handler_disconnect (job->msg, job->finished_id);
  g_clear_object (&job->msg);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_pointer (&job->reply.json, json_node_unref);
  g_clear_pointer (&job->reply.bytes, g_bytes_unref);
  g_free (job->reply.content_type);
  g_ptr_array_unref (job->reply.headers);
  g_free (job);
}

static void
on_message_finished (SoupServerMessage *msg,
                     Job               *job)
{
  job->finished = TRUE;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;

  job->work (job->data, &job->reply);
  g_task_return_boolean (task, TRUE);
}

static void
job_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (!job->finished)
    {
      apply_reply (job->msg, &job->reply);
      soup_server_message_unpause (job->msg);
    }

  /* let go of the message here, on the main loop */
  g_signal_handler_disconnect (job->msg, job->finished_id);
  job->finished_id = 0;
  g_clear_object (&job->msg);
}

/**
 * zc_blob_run_job:
 * @data: (transfer full): what @work works on, freed with @data_free
 *
 * Pauses @msg, runs @work in a worker thread, then answers with what it
 * replied (nothing when it left the status at 0) and unpauses.  If the
 * client went away meanwhile, the reply is dropped.
 */
void
zc_blob_run_job (SoupServerMessage *msg,
                 ZcBlobWorkFunc     work,
                 gpointer           data,
                 GDestroyNotify     data_free)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (work != NULL);

  job = g_new0 (Job, 1);
  job->msg = g_object_ref (msg);
  job->work = work;
  job->data = data;
  job->data_free = data_free;
  job->reply.headers = g_ptr_array_new_with_free_func (g_free);
  job->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_message_finished), job);

  soup_server_message_pause (msg);

  task = g_task_new (NULL, NULL, job_done, NULL);
  g_task_set_source_tag (task, zc_blob_run_job);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}
