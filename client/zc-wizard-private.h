/* zc-wizard-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-body.h"
#include "zc-declaration-wizard.h"
#include "zc-form-view.h"
#include "zc-pdf-view.h"
#include "zc-signature-pad.h"
#include "zc-title-picker.h"

G_BEGIN_DECLS

/* What the wizard's files share: zc-declaration-wizard.c (the window,
 * navigation, saving), zc-wizard-steps.c (steps 1–5),
 * zc-wizard-achievements.c (6), zc-wizard-attachments.c (7) and
 * zc-wizard-check.c (check, preview, submit).  Each step has a page
 * built once, a load (body → widgets) and a store (widgets → body). */

/* Pages: the seven steps a return may name, then three more. */
enum
{
  ZC_WIZARD_PAGE_CHECK = ZC_N_DECLARATION_STEPS,
  ZC_WIZARD_PAGE_PREVIEW,
  ZC_WIZARD_PAGE_SUBMIT,
  ZC_WIZARD_N_PAGES,
};

struct _ZcDeclarationWizard
{
  AdwWindow      parent_instance;

  ZcLocalStore  *store;          /* owned */
  ZcPlan        *plan;           /* owned */
  ZcRecord      *declaration;    /* owned: as last saved */
  JsonObject    *body;           /* owned: the working copy */
  GPtrArray     *archive;        /* owned: ZcRecord, archive:* */
  ZcRecord      *personal_info;  /* owned, nullable */
  ZcRecord      *photo;          /* owned, nullable: the personal-information photo */
  GPtrArray     *check_items;    /* owned, nullable: the last check */
  char          *unit_id;        /* owned, nullable */
  char          *unit_region_code;
  gboolean       editable;
  guint          loading;        /* loads do not count as edits */
  gboolean       closing;
  int            page;

  /* template */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toasts;
  AdwFlap       *flap;
  GtkToggleButton *steps_toggle;
  GtkListBox    *step_list;
  GtkStack      *stack;
  GtkLabel      *page_title;
  GtkLabel      *page_note;      /* the return's note beside the named step */
  GtkRevealer   *comment_revealer;
  GtkLabel      *comment_label;
  GtkRevealer   *deadline_revealer;
  GtkLabel      *deadline_label;
  GtkLabel      *status_label;
  GtkButton     *back_button;
  GtkButton     *next_button;

  GtkWidget     *step_rows[ZC_WIZARD_N_PAGES];
  GtkWidget     *pages[ZC_WIZARD_N_PAGES];

  /* choose */
  GtkDropDown   *method_drop;
  GPtrArray     *method_keys;     /* owned: char*, [0] NULL */
  GtkDropDown   *title_drop;      /* the plan's titles */
  ZcTitlePicker *title_picker;
  GtkDropDown   *category_drop;
  GtkSwitch     *special_switch;
  GtkSpinButton *years_spin;

  /* photo */
  GtkPicture    *photo_picture;
  GtkLabel      *photo_label;
  GtkWidget     *photo_reset_button;
  GtkFileChooserNative *photo_chooser;

  /* commitment */
  GtkLabel      *letter_label;
  ZcSignaturePad *signature_pad;
  GtkLabel      *commitment_status;
  GtkFileChooserNative *scan_chooser;
  gboolean       signature_dirty; /* strokes not yet turned into a PNG */

  /* info */
  ZcFormView    *info_form;

  /* summary */
  GtkTextView   *summary_view;
  GtkLabel      *summary_count;

  /* achievements */
  GtkListBox    *picks_list;
  GtkListBox    *available_list;
  GtkLabel      *groups_label;
  GtkDropDown   *education_drop;

  /* attachments */
  GtkWidget     *attachments_box;
  GtkFileChooserNative *attachment_chooser;
  char          *chooser_requirement;
  gboolean       chooser_pages;
  GCancellable  *pages_cancellable;
  GtkProgressBar *pages_progress;

  /* check, preview, submit */
  GtkListBox    *check_list;
  GtkLabel      *check_summary;
  ZcPdfView     *pdf_view;
  GtkLabel      *preview_status;
  GtkLabel      *submit_label;
  GtkButton     *submit_button;
};

/* zc-declaration-wizard.c */
void        zc_wizard_mark_changed           (ZcDeclarationWizard *self);
void        zc_wizard_show_message           (ZcDeclarationWizard *self,
                                              const char          *message);
GDateTime  *zc_wizard_now                    (void);
JsonObject *zc_wizard_personal_info_body     (ZcDeclarationWizard *self);
void        zc_wizard_set_member             (ZcDeclarationWizard *self,
                                              const char          *member,
                                              JsonNode            *value);
GtkWidget  *zc_wizard_page_box               (GtkWidget          **content_out);
void        zc_wizard_request_archive        (ZcDeclarationWizard *self,
                                              const char          *form_id);

/* zc-wizard-steps.c */
GtkWidget  *zc_wizard_choose_build          (ZcDeclarationWizard *self);
void        zc_wizard_choose_load           (ZcDeclarationWizard *self);
void        zc_wizard_choose_store          (ZcDeclarationWizard *self);
GtkWidget  *zc_wizard_photo_build           (ZcDeclarationWizard *self);
void        zc_wizard_photo_load            (ZcDeclarationWizard *self);
GtkWidget  *zc_wizard_commitment_build      (ZcDeclarationWizard *self);
void        zc_wizard_commitment_load       (ZcDeclarationWizard *self);
gboolean    zc_wizard_commitment_store      (ZcDeclarationWizard *self,
                                             GError             **error);
GtkWidget  *zc_wizard_info_build            (ZcDeclarationWizard *self);
void        zc_wizard_info_load             (ZcDeclarationWizard *self);
void        zc_wizard_info_store            (ZcDeclarationWizard *self);
GtkWidget  *zc_wizard_summary_build         (ZcDeclarationWizard *self);
void        zc_wizard_summary_load          (ZcDeclarationWizard *self);
void        zc_wizard_summary_store         (ZcDeclarationWizard *self);

/* zc-wizard-achievements.c */
GtkWidget  *zc_wizard_achievements_build    (ZcDeclarationWizard *self);
void        zc_wizard_achievements_load     (ZcDeclarationWizard *self);
GtkWidget  *zc_wizard_education_build       (ZcDeclarationWizard *self);

/* zc-wizard-attachments.c */
GtkWidget  *zc_wizard_attachments_build     (ZcDeclarationWizard *self);
void        zc_wizard_attachments_load      (ZcDeclarationWizard *self);

/* zc-wizard-check.c */
GtkWidget  *zc_wizard_check_build           (ZcDeclarationWizard *self);
void        zc_wizard_check_refresh         (ZcDeclarationWizard *self);
GtkWidget  *zc_wizard_preview_build         (ZcDeclarationWizard *self);
void        zc_wizard_preview_refresh       (ZcDeclarationWizard *self);
GtkWidget  *zc_wizard_submit_build          (ZcDeclarationWizard *self);
void        zc_wizard_submit_refresh        (ZcDeclarationWizard *self);

G_END_DECLS
