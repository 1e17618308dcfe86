/* zc-sign-in-page.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-session.h"

G_BEGIN_DECLS

#define ZC_TYPE_SIGN_IN_PAGE (zc_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcSignInPage, zc_sign_in_page, ZC, SIGN_IN_PAGE, AdwBin)

GtkWidget    *zc_sign_in_page_new             (ZcSession     *session);
GtkWindow    *zc_sign_in_page_new_window      (GtkApplication *application,
                                               ZcSession     *session);
ZcSignInPage *zc_sign_in_page_from_window     (GtkWindow     *window);
ZcSession    *zc_sign_in_page_get_session     (ZcSignInPage  *self);

const char   *zc_sign_in_page_get_step        (ZcSignInPage  *self);
void          zc_sign_in_page_set_step        (ZcSignInPage  *self,
                                               const char    *step);
void          zc_sign_in_page_show_register   (ZcSignInPage  *self,
                                               gboolean       show);
void          zc_sign_in_page_set_field_text  (ZcSignInPage  *self,
                                               const char    *field,
                                               const char    *text);
const char   *zc_sign_in_page_get_field_error (ZcSignInPage  *self,
                                               const char    *field);
const char   *zc_sign_in_page_get_message     (ZcSignInPage  *self);
void          zc_sign_in_page_activate        (ZcSignInPage  *self);
gboolean      zc_sign_in_page_is_busy         (ZcSignInPage  *self);
guint         zc_sign_in_page_get_n_units     (ZcSignInPage  *self);
gboolean      zc_sign_in_page_select_unit     (ZcSignInPage  *self,
                                               guint          index);
guint         zc_sign_in_page_get_n_requests  (ZcSignInPage  *self);

gboolean      zc_sign_in_check_login          (const char    *login,
                                               GError       **error);
gboolean      zc_sign_in_check_name           (const char    *name,
                                               GError       **error);
gboolean      zc_sign_in_check_password       (const char    *password,
                                               const char    *id_number,
                                               const char    *mobile,
                                               GError       **error);

G_END_DECLS
