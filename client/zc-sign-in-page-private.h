/* zc-sign-in-page-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-sign-in-page.h"

G_BEGIN_DECLS

/* What zc-sign-in-page.c (the page, its fields and first steps) and
 * zc-sign-in-binding.c (the unit step) share. */

typedef enum
{
  F_SERVER,
  F_LOGIN,
  F_PASSWORD,
  F_ID_NUMBER,
  F_NAME,
  F_MOBILE,
  F_NEW_PASSWORD,
  F_CONFIRM,
  F_CURRENT,
  F_CHANGE_NEW,
  F_CHANGE_CONFIRM,
  F_COMMENT,
  N_FIELDS
} FieldId;


typedef struct
{
  GtkWidget *row;     /* AdwEntryRow or AdwPasswordEntryRow */
  GtkWidget *error;   /* the line under it */
} Field;

struct _ZcSignInPage
{
  AdwBin        parent_instance;

  ZcSession    *session;         /* owned */
  GCancellable *cancellable;     /* owned: the request in flight */
  gboolean      busy;
  guint         search_id;
  Field         fields[N_FIELDS];
  GPtrArray    *units;           /* of JsonObject: the search results */
  guint         n_requests;

  GtkWidget    *server_message;
  GtkWidget    *server_button;
  GtkWidget    *sign_in_message;
  GtkWidget    *sign_in_button;
  GtkWidget    *register_message;
  GtkWidget    *register_button;
  GtkWidget    *password_message;
  GtkWidget    *password_button;
  GtkWidget    *binding_message;
  GtkWidget    *request_button;
  GtkWidget    *freelancer_switch;

  /* template children */
  AdwWindowTitle *window_title;
  GtkWidget    *back_button;
  GtkStack     *stack;
  GtkStack     *account_stack;
  GtkWidget    *account_switcher;
  GtkWidget    *server_fields;
  GtkWidget    *server_note;
  GtkWidget    *sign_in_fields;
  GtkWidget    *register_fields;
  GtkWidget    *password_fields;
  GtkWidget    *binding_fields;
  GtkWidget    *requests_box;
  GtkWidget    *requests_list;
  GtkWidget    *unit_search;
  GtkWidget    *units_list;
  GtkWidget    *units_empty;
};

const char *zc_sign_in_page_field_text         (ZcSignInPage  *self,
                                                FieldId        id);
gboolean    zc_sign_in_page_check_field        (ZcSignInPage  *self,
                                                FieldId        id);
void        zc_sign_in_set_message             (GtkWidget     *label,
                                                const char    *message);
void        zc_sign_in_page_set_busy           (ZcSignInPage  *self,
                                                gboolean       busy);
void        zc_sign_in_page_show_server_error  (ZcSignInPage  *self,
                                                GError        *error,
                                                GtkWidget     *message,
                                                const FieldId *map,
                                                const char * const *names);

void        zc_sign_in_page_refresh_bindings   (ZcSignInPage  *self);
void        zc_sign_in_page_search_units       (ZcSignInPage  *self);
void        zc_sign_in_page_request_binding    (ZcSignInPage  *self);

G_END_DECLS
